"""Coordinators manage the specialty list from the web: add, rename, describe."""

from __future__ import annotations

from sqlalchemy import select

from forum.extensions import db
from forum.models import AuditEntry, Specialty


def actions(action: str) -> list[AuditEntry]:
    """Entries made by someone on the web (the seeded specialties have no actor)."""
    query = select(AuditEntry).where(AuditEntry.action == action, AuditEntry.actor_id.is_not(None))
    return list(db.session.scalars(query))


def test_coordinator_adds_a_specialty(make_browser, coordinator):
    browser = make_browser(coordinator)
    listing = browser.get("/specialties").get_data(as_text=True)
    assert "Add a specialty" in listing and 'action="/specialties"' in listing
    response = browser.post(
        "/specialties",
        {"name": "Infectious Diseases", "slug": "", "description": "Bugs & drugs."},
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/s/infectious-diseases")
    page = browser.get("/s/infectious-diseases").get_data(as_text=True)
    assert "Infectious Diseases is added" in page and "Bugs &amp; drugs." in page
    listing = browser.get("/specialties").get_data(as_text=True)
    assert 'href="/s/infectious-diseases"' in listing and "Infectious Diseases" in listing
    new_case = browser.get("/new/case").get_data(as_text=True)
    assert '<option value="infectious-diseases">Infectious Diseases</option>' in new_case
    [entry] = actions("specialty.create")
    assert entry.actor_id == coordinator.id and entry.data["slug"] == "infectious-diseases"


def test_coordinator_can_choose_the_slug(make_browser, coordinator):
    browser = make_browser(coordinator)
    response = browser.post("/specialties", {"name": "Infectious Diseases", "slug": "ID Med"})
    assert response.headers["Location"].endswith("/s/id-med")
    assert db.session.scalar(select(Specialty.name).where(Specialty.slug == "id-med"))


def test_a_duplicate_is_refused_with_the_text_kept(make_browser, coordinator):
    browser = make_browser(coordinator)
    response = browser.post(
        "/specialties", {"name": "Heart things", "slug": "cardiology", "description": "Typed."}
    )
    assert response.status_code in (409, 422)
    page = response.get_data(as_text=True)
    assert "Already taken." in page
    assert 'value="Heart things"' in page and 'value="cardiology"' in page and "Typed." in page
    by_name = browser.post("/specialties", {"name": "Cardiology", "description": "Again"})
    assert by_name.status_code in (409, 422)
    assert "A specialty with this address exists." in by_name.get_data(as_text=True)
    assert actions("specialty.create") == []


def test_an_invalid_name_shows_again_with_422(make_browser, coordinator):
    browser = make_browser(coordinator)
    blank = browser.post("/specialties", {"name": "", "description": "Kept text"})
    assert blank.status_code == 422 and "Kept text" in blank.get_data(as_text=True)
    short = browser.post("/specialties", {"name": "X", "slug": "xx"})
    assert short.status_code == 422
    assert "Between 2 and 80 characters." in short.get_data(as_text=True)
    no_slug = browser.post("/specialties", {"name": "Hi", "slug": "!!!"})
    assert no_slug.status_code == 422 and "letters or digits" in no_slug.get_data(as_text=True)
    assert actions("specialty.create") == []


def test_coordinator_renames_a_specialty(make_browser, coordinator):
    browser = make_browser(coordinator)
    page = browser.get("/s/cardiology").get_data(as_text=True)
    assert 'href="/s/cardiology/edit"' in page
    form = browser.get("/s/cardiology/edit")
    assert form.status_code == 200 and 'value="Cardiology"' in form.get_data(as_text=True)
    response = browser.post(
        "/s/cardiology/edit", {"name": "Cardiology & Vascular", "description": "Hearts."}
    )
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/s/cardiology")  # the slug stays
    page = browser.get("/s/cardiology").get_data(as_text=True)
    assert "Cardiology &amp; Vascular" in page and "Hearts." in page and "is saved" in page
    [entry] = actions("specialty.update")
    assert entry.actor_id == coordinator.id and entry.data["name"] == "Cardiology & Vascular"


def test_a_bad_rename_shows_again_with_422(make_browser, coordinator):
    browser = make_browser(coordinator)
    response = browser.post("/s/cardiology/edit", {"name": "C", "description": "Kept desc"})
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "Between 2 and 80 characters." in page and "Kept desc" in page
    assert actions("specialty.update") == []
    assert browser.get("/s/nowhere/edit").status_code == 404


def test_admin_is_allowed(make_browser, admin):
    browser = make_browser(admin)
    assert "Add a specialty" in browser.get("/specialties").get_data(as_text=True)
    assert browser.post("/specialties", {"name": "Geriatrics"}).status_code == 302
    assert browser.post("/s/geriatrics/edit", {"name": "Older People"}).status_code == 302
    assert len(actions("specialty.create")) == 1 and len(actions("specialty.update")) == 1


def test_learner_sees_no_buttons_and_gets_403(make_browser, learner):
    browser = make_browser(learner)
    assert "Add a specialty" not in browser.get("/specialties").get_data(as_text=True)
    assert "/s/cardiology/edit" not in browser.get("/s/cardiology").get_data(as_text=True)
    assert browser.post("/specialties", {"name": "Learner's own"}).status_code == 403
    assert browser.post("/specialties", {"name": ""}).status_code == 403
    assert browser.get("/s/cardiology/edit").status_code == 403
    assert browser.post("/s/cardiology/edit", {"name": "Renamed"}).status_code == 403
    assert actions("specialty.create") == [] and actions("specialty.update") == []
    assert db.session.scalar(select(Specialty.name).where(Specialty.slug == "cardiology")) == (
        "Cardiology"
    )


def test_visitors_are_sent_to_log_in(browser):
    assert "Add a specialty" not in browser.get("/specialties").get_data(as_text=True)
    assert "/s/cardiology/edit" not in browser.get("/s/cardiology").get_data(as_text=True)
    response = browser.get("/s/cardiology/edit")
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    response = browser.post("/specialties", {"name": "Anonymous"})
    assert response.status_code == 302 and "/login" in response.headers["Location"]
