"""In a real browser: a translator previews a term fix, leaves one place out, applies, undoes,
then accepts everything in the collection and sees the term's findings go to zero."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.models import Segment
from tests.support import PASSWORD
from tests.terms import conftest as terms

collection = terms.collection  # the fixture with the terminology test collection
pytestmark = pytest.mark.browser


def log_in(page, username: str) -> None:
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/")


def forbidden_count(page) -> str:
    return page.locator("td[data-check='term-forbidden']").inner_text()


@pytest.mark.usefixtures("users", "collection")
def test_fix_preview_accept_undo_and_accept_all(new_page, session) -> None:
    page = new_page()
    log_in(page, "translator")
    page.goto("/collections/terms-test/terms")
    assert forbidden_count(page) == "6"

    page.locator("ul.fixable li[data-term='ВНС']").get_by_role("link").click()
    boxes = page.locator("input[name=accept]")
    assert boxes.count() == 4
    assert all(boxes.nth(i).is_checked() for i in range(4))
    first = page.locator("li.occurrence").first
    assert "Chairman of the" in first.inner_text()
    boxes.first.uncheck()  # leave "the VNS Presidium" as it is, for now
    page.get_by_role("button", name="Apply the ticked places").click()

    assert "Fixed 3 places in 2 documents" in page.locator(".flashes").inner_text()
    assert page.locator("input[name=accept]").count() == 1
    session.expire_all()
    texts = " ".join(session.scalars(select(Segment.content)))
    assert "the VNS Presidium" in texts and "VNS [" not in texts

    page.get_by_role("button", name="Undo this fix").click()
    assert "Undid: Term fix «ВНС»" in page.locator(".flashes").inner_text()
    assert page.locator("input[name=accept]").count() == 4

    page.get_by_role("button", name="Accept all in the collection").click()
    assert "Fixed 4 places" in page.locator(".flashes").inner_text()
    assert page.locator(".all-clear").is_visible()

    page.goto("/collections/terms-test/terms")
    assert forbidden_count(page) == "2"  # Kim Chang Man and Pak Kum Chol remain
    assert page.locator("ul.fixable li[data-term='ВНС']").count() == 0
