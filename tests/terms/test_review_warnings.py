"""Term findings on the review page's rows, and dismissed ones kept off them."""

from __future__ import annotations

import re

from app.models import Role
from app.services.terms import findings


def warnings_of(client, document) -> list[tuple[str, str]]:
    html = client.get(f"/documents/{document.id}/review").get_data(as_text=True)
    return re.findall(r'<li class="warning" data-check="([^"]+)">(.*?)</li>', html)


def test_rows_carry_their_findings_with_a_link_to_the_fix(as_role, documents, session) -> None:
    shown = warnings_of(as_role(Role.TRANSLATOR), documents["deputies"])
    assert [check for check, _ in shown] == ["term-forbidden", "term-forbidden"]
    link, text = re.match(r'<a href="([^"]+)">(.*)</a>', shown[0][1]).groups()
    assert link.startswith("/collections/terms-test/glossary/") and link.endswith("/fix")
    assert "“Kim Chang Man” is a forbidden rendering of «Ким Чан Ман»" in text


def test_a_dismissed_finding_leaves_the_row(as_role, collection, documents, session) -> None:
    document = documents["deputies"]
    index = findings.index_for(session, collection)
    kim = next(
        f for f in findings.check_document(session, document, index) if "Kim" in f.finding.subject
    )
    findings.dismiss(session, document, kim.fingerprint, None, "checked")
    session.commit()
    shown = warnings_of(as_role(Role.TRANSLATOR), document)
    assert len(shown) == 1 and "VNS" in shown[0][1]
