"""Passwords are stored with a modern KDF (scrypt) outside the test suite."""

from __future__ import annotations

from forum import create_app
from forum.extensions import db
from forum.services import accounts


def test_production_hashes_passwords_with_scrypt(tmp_path) -> None:  # type: ignore[no-untyped-def]
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'kdf.db'}"})
    assert app.config["PASSWORD_HASH_METHOD"] == "scrypt"
    with app.app_context():
        db.create_all()
        user = accounts.create_user("kdf@example.com", "a long password", "Kim Kdf", "learner")
        assert user.password_hash.startswith("scrypt:")
        assert accounts.authenticate("kdf@example.com", "a long password").id == user.id
        db.session.remove()
        db.engine.dispose()
