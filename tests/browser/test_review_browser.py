"""The review editor in a real browser: keyboard work, undo, progress, two people at once."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from app.models import Bead, BeadStatus, Segment
from tests.review.builders import build_document
from tests.support import PASSWORD

pytestmark = pytest.mark.browser

PAIRS = [
    (["Я посетил Ким Ир Сена."], ["I visited Kim Il Sung."], 0.95),
    (["Он поблагодарил."], ["He thanked me."], 0.4),
    (["За помощь."], ["For the help."], 0.6),
    (["Беседа длилась час."], ["The talk lasted an hour."], 0.9),
    (["Присутствовал Нам Ир."], ["Nam Il was present."], 0.99),
    (["Запись вёл советник."], ["The counsellor kept the record."], 0.97),
]


@pytest.fixture
def document(session, users):
    made = build_document(session, PAIRS, positions_step=1024)
    session.commit()
    return made


def log_in(page: Page, username: str) -> None:
    page.goto("/login")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    expect(page.locator("header.site .who")).to_contain_text(username)


def open_review(page: Page, document) -> None:
    """Go from the collection page to the document, then to its review page."""
    page.goto(f"/collections/{document.collection.slug}")
    page.click(f"text={document.title}")
    page.click("text=Review the alignment")
    expect(page.locator("tr.bead")).to_have_count(len(PAIRS))


def rows(page: Page):
    return page.locator("tr.bead")


def bead_ids(session, document) -> list[int]:
    session.expire_all()
    query = select(Bead.id).where(Bead.document_id == document.id).order_by(Bead.position)
    return list(session.scalars(query))


def test_merge_undo_and_confirm_with_the_keyboard_move_the_progress_bar(
    new_page, document, session
) -> None:
    page = new_page()
    log_in(page, "translator")
    open_review(page, document)
    progress = page.locator("#progress progress").first
    expect(progress).to_have_attribute("value", "0")

    page.keyboard.press("j")
    page.keyboard.press("j")  # the second pair
    expect(rows(page).nth(1)).to_have_class(re.compile(r"\bselected\b"))
    page.keyboard.press("m")  # merge it with the next
    expect(page.locator("#review-status")).to_contain_text("Merged “Он поблагодарил.”")
    expect(rows(page)).to_have_count(len(PAIRS) - 1)
    expect(rows(page).nth(1)).to_contain_text("For the help.")
    expect(rows(page).nth(1).locator(".type")).to_have_text("2-2")

    page.keyboard.press("u")
    expect(page.locator("#review-status")).to_contain_text("Undid: Merged")
    expect(rows(page)).to_have_count(len(PAIRS))
    expect(rows(page).nth(2)).to_contain_text("За помощь.")
    assert len(bead_ids(session, document)) == len(PAIRS)

    page.keyboard.press("Enter")  # confirm the selected pair and go on to the next
    expect(page.locator("#review-status")).to_contain_text("Confirmed “Он поблагодарил.”")
    expect(progress).to_have_attribute("value", "1")
    expect(page.locator("#progress")).to_contain_text("1 / 6 confirmed")
    expect(rows(page).nth(2)).to_have_class(re.compile(r"\bselected\b"))
    page.keyboard.press("Enter")
    expect(progress).to_have_attribute("value", "2")
    ids = bead_ids(session, document)
    statuses = [session.get(Bead, i).status for i in ids[:3]]
    assert statuses == [BeadStatus.AUTOMATIC, BeadStatus.CONFIRMED, BeadStatus.CONFIRMED]


def test_the_second_person_is_told_about_the_conflict_and_nothing_is_lost(
    new_page, document, session
) -> None:
    translator, editor = new_page(), new_page()
    log_in(translator, "translator")
    log_in(editor, "editor")
    open_review(translator, document)
    open_review(editor, document)
    sentence = session.scalar(select(Segment.id).where(Segment.content == "He thanked me."))

    # Both open the editor of the second pair's English sentence.
    for page in (translator, editor):
        page.keyboard.press("j")
        page.keyboard.press("j")
        page.keyboard.press("e")
        expect(page.locator(f"textarea[aria-label='Text of sentence {sentence}']")).to_be_visible()
    editor.fill(f"textarea[aria-label='Text of sentence {sentence}']", "He thanked us.")
    editor.click(f"form:has(textarea[aria-label='Text of sentence {sentence}']) button")
    expect(editor.locator("#review-status")).to_contain_text("Edited the English sentence")

    translator.fill(f"textarea[aria-label='Text of sentence {sentence}']", "He said thank you.")
    translator.click(f"form:has(textarea[aria-label='Text of sentence {sentence}']) button")
    refusal = translator.locator("#review-status .refused")
    expect(refusal).to_contain_text("editor changed them")
    expect(refusal).to_contain_text("Edited the English sentence “He thanked me.”")
    expect(refusal.locator(".unsaved")).to_have_text("He said thank you.")  # not lost
    session.expire_all()
    assert session.get(Segment, sentence).content == "He thanked us."  # not overwritten

    refusal.locator("button.reload").click()
    expect(translator.locator(f"#seg-{sentence}")).to_have_text("He thanked us.")

    # Work on another part of the document goes through despite the editor's change.
    translator.keyboard.press("Escape")
    for _ in range(3):
        translator.keyboard.press("j")
    translator.keyboard.press("Enter")
    expect(translator.locator("#review-status")).to_contain_text(
        "Confirmed “Присутствовал Нам Ир.”"
    )


def test_without_javascript_the_plain_forms_do_the_same(new_page, document, session) -> None:
    page = new_page(java_script_enabled=False)
    log_in(page, "translator")
    open_review(page, document)
    rows(page).nth(1).locator("td.n a").click()  # selects the pair by reloading the page
    expect(page.locator("#selection")).to_contain_text("selected")
    page.click("#actions button[value=merge_down]")
    expect(page.locator(".flash")).to_contain_text("Merged “Он поблагодарил.”")
    expect(rows(page)).to_have_count(len(PAIRS) - 1)
    page.click("#undo-button")
    expect(page.locator(".flash")).to_contain_text("Undid: Merged")
    expect(rows(page)).to_have_count(len(PAIRS))
