"""Views of the accounts area."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user, login_user, logout_user
from werkzeug.wrappers import Response

from app.accounts import bp
from app.accounts.forms import LoginForm, NewUserForm, UserUpdateForm
from app.extensions import db, login_manager
from app.models import Role, User
from app.permissions import requires
from app.services import users


@login_manager.user_loader
def load_user(user_id: str) -> User | None:
    user = db.session.get(User, int(user_id))
    return user if user is not None and user.active else None


def safe_next(target: str | None) -> str:
    """Return `target` if it is a path on this site, else the home page."""
    if (
        target
        and target.startswith("/")
        and not urlsplit(target).netloc
        and not target.startswith("//")
    ):
        return target
    return url_for("library.index")


@bp.route("/login", methods=["GET", "POST"])
def login() -> Response | str | tuple[str, int]:
    form = LoginForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        user = users.authenticate(db.session(), form.username.data or "", form.password.data or "")
        if user is not None:
            login_user(user)
            return redirect(safe_next(form.next.data))
        flash("Unknown user name or wrong password.", "error")
        return render_template("accounts/login.html", form=form), 401
    return render_template("accounts/login.html", form=form)


@bp.post("/logout")
def logout() -> Response:
    logout_user()
    flash("You are logged out.")
    return redirect(url_for("accounts.login"))


@bp.route("/users", methods=["GET", "POST"])
@requires("manage_users")
def user_list() -> Response | str | tuple[str, int]:
    form = NewUserForm()
    if form.validate_on_submit():
        user = users.create_user(
            db.session(),
            username=form.username.data or "",
            role=Role(form.role.data),
            password=form.password.data or "",
            actor=current_user,
        )
        db.session.commit()
        flash(f"User {user.username} created.")
        return redirect(url_for("accounts.user_list"))
    status = 400 if form.errors else 200
    return render_template(
        "accounts/users.html",
        form=form,
        users=users.list_users(db.session()),
        roles=[r.value for r in Role],
    ), status


@bp.post("/users/<int:user_id>")
@requires("manage_users")
def user_update(user_id: int) -> Response:
    form = UserUpdateForm()
    if form.validate_on_submit():
        user = users.update_user(
            db.session(),
            user_id,
            actor=current_user,
            role=Role(form.role.data),
            active=form.active.data,
        )
        db.session.commit()
        flash(f"User {user.username} updated.")
    else:
        flash("Nothing changed: choose one of the listed roles.", "error")
    return redirect(url_for("accounts.user_list"))
