"""Accounts through the HTML pages: sign up, log in and out, passwords, profiles."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.models import User
from forum.web.helpers import is_safe_url

from .conftest import PASSWORD

BAD_LOGIN = "That email and password do not match an account."


def signup_data(**overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Dr Nadia Newcomer",
        "email": "nadia@example.com",
        "password": "a long enough password",
        "confirm": "a long enough password",
        "profession": "resident",
        "training_level": "PGY-2",
        "specialties": ["cardiology"],
    }
    data.update(overrides)
    return data


def test_signup_logs_in_and_welcomes(browser, app):
    assert browser.get("/signup").status_code == 200
    response = browser.post("/signup", signup_data())
    assert response.status_code == 302
    assert response.headers["Location"] == "/"
    page = browser.get("/").get_data(as_text=True)
    assert "Welcome to Rounds, Dr Nadia Newcomer" in page
    user = db.session.scalars(select(User).filter_by(email="nadia@example.com")).one()
    assert user.role == "learner"
    assert user.profession == "resident"
    assert [s.slug for s in user.specialties] == ["cardiology"]


def test_signup_errors_keep_what_was_typed(browser):
    response = browser.post("/signup", signup_data(confirm="something else entirely"))
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "The passwords do not match." in page
    assert 'value="Dr Nadia Newcomer"' in page
    assert 'value="nadia@example.com"' in page
    assert 'value="PGY-2"' in page


def test_signup_service_errors_land_on_fields(browser, learner):
    short = browser.post("/signup", signup_data(password="short", confirm="short"))
    assert short.status_code == 422
    assert "Use at least 10 characters." in short.get_data(as_text=True)
    taken = browser.post("/signup", signup_data(email=learner.email))
    assert taken.status_code == 409
    assert "This email is already registered" in taken.get_data(as_text=True)


def test_login_and_logout(browser, learner):
    response = browser.login(learner)
    assert response.headers["Location"] == "/"
    page = browser.get("/").get_data(as_text=True)
    assert "Log out" in page and learner.name in page
    assert browser.logout().status_code == 302
    assert "Log out" not in browser.get("/").get_data(as_text=True)


def test_logout_needs_a_post(browser, learner):
    browser.login(learner)
    assert browser.get("/logout").status_code == 405


@pytest.mark.parametrize("email", ["wrong", "unknown"])
def test_bad_credentials_give_one_message(browser, learner, email):
    address = learner.email if email == "wrong" else "nobody@example.com"
    password = "not the password" if email == "wrong" else PASSWORD
    response = browser.post("/login", {"email": address, "password": password})
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert BAD_LOGIN in page
    assert f'value="{address}"' in page


def test_login_with_missing_fields_is_422(browser):
    response = browser.post("/login", {"email": "someone@example.com", "password": ""})
    assert response.status_code == 422
    assert 'value="someone@example.com"' in response.get_data(as_text=True)


def test_remember_me_sets_a_lasting_cookie(make_browser, learner, app):
    plain = make_browser()
    plain.login(learner)
    assert plain.client.get_cookie("remember_token") is None
    remembered = make_browser()
    remembered.login(learner, remember=True)
    cookie = remembered.client.get_cookie("remember_token")
    assert cookie is not None and cookie.expires is not None
    # Without the session cookie, the remember cookie alone logs the user in.
    remembered.client.delete_cookie("session")
    page = remembered.get("/account/profile")
    assert page.status_code == 200


@pytest.mark.parametrize(
    "target, expected",
    [
        ("/threads/3", "/threads/3"),
        ("//evil.example", "/"),
        ("https://evil.example", "/"),
        ("/\\evil.example", "/"),
        ("javascript:alert(1)", "/"),
    ],
)
def test_login_next_is_only_a_local_path(browser, learner, target, expected):
    response = browser.post(
        "/login", {"email": learner.email, "password": PASSWORD, "next": target}
    )
    assert response.status_code == 302
    assert response.headers["Location"] == expected


def test_login_page_carries_next(browser):
    page = browser.get("/login?next=/new/case").get_data(as_text=True)
    assert 'value="/new/case"' in page


def test_is_safe_url():
    assert is_safe_url("/u/lena?page=2")
    for bad in ("", None, "//x", "http://x", "https://x/y", "x", "/\\x", "/a\r\nb", "ftp:/x"):
        assert not is_safe_url(bad)


def test_login_required_pages_redirect(browser):
    for url in ("/account/profile", "/account/password", "/new/case", "/new/question"):
        response = browser.get(url)
        assert response.status_code == 302
        assert response.headers["Location"].startswith("/login?next=")


def test_change_password_ends_other_sessions(make_browser, learner):
    here, elsewhere = make_browser(learner), make_browser(learner)
    new = "a brand new password"
    response = here.post(
        "/account/password",
        {"current_password": PASSWORD, "new_password": new, "confirm": new},
    )
    assert response.status_code == 302
    assert here.get("/account/password").status_code == 200  # still logged in here
    assert elsewhere.get("/account/password").status_code == 302  # logged out there
    fresh = make_browser()
    fresh.login(learner, password=new)


def test_change_password_errors(make_browser, learner):
    browser = make_browser(learner)
    wrong = browser.post(
        "/account/password",
        {"current_password": "not it at all", "new_password": "x" * 12, "confirm": "x" * 12},
    )
    assert wrong.status_code == 422
    assert "Not your password." in wrong.get_data(as_text=True)
    mismatch = browser.post(
        "/account/password",
        {"current_password": PASSWORD, "new_password": "x" * 12, "confirm": "y" * 12},
    )
    assert mismatch.status_code == 422
    assert "The passwords do not match." in mismatch.get_data(as_text=True)


def test_edit_profile(make_browser, learner):
    browser = make_browser(learner)
    form = browser.get("/account/profile").get_data(as_text=True)
    assert f'value="{learner.name}"' in form
    response = browser.post(
        "/account/profile",
        {
            "name": "Lena L. Learner",
            "profession": "nurse",
            "training_level": "Charge nurse",
            "specialties": ["emergency-medicine"],
            "bio": "I like <b>ECGs</b> & night shifts.",
        },
    )
    assert response.status_code == 302
    page = browser.get(f"/u/{learner.handle}").get_data(as_text=True)
    assert "Lena L. Learner" in page and "Charge nurse" in page and "Nurse" in page
    assert "I like &lt;b&gt;ECGs&lt;/b&gt; &amp; night shifts." in page
    assert "Emergency Medicine" in page


def test_edit_profile_errors_keep_text(make_browser, learner):
    browser = make_browser(learner)
    response = browser.post(
        "/account/profile",
        {"name": "Lena", "profession": "nurse", "bio": "b" * 1001, "training_level": "Ward"},
    )
    assert response.status_code == 422
    page = response.get_data(as_text=True)
    assert "At most 1000 characters." in page
    assert "b" * 1001 in page and 'value="Ward"' in page


def test_post_without_csrf_token_is_rejected(browser, learner):
    response = browser.client.post("/login", data={"email": learner.email, "password": PASSWORD})
    assert response.status_code == 400
    browser.login(learner)
    response = browser.client.post("/logout", data={})
    assert response.status_code == 400
