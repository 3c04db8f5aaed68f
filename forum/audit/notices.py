"""Telling members what moderation did: a notice on their account page, and often an email."""

from __future__ import annotations

from typing import TYPE_CHECKING

from flask import has_request_context
from sqlalchemy import select, update

from forum.audit.models import MemberNotice, NoticeKind
from forum.core import events
from forum.core.mail import send_mail
from forum.database import db, utcnow
from forum.web.urls import absolute_url

if TYPE_CHECKING:
    from forum.accounts.models import User
    from forum.answers.models import Answer

RECENT_NOTICES = 10


def notify(
    member: User | None,
    kind: NoticeKind,
    message: str,
    *,
    answer: Answer | None = None,
    mail: str | None = None,
    **mail_context,
) -> None:
    """Leave a notice for the member and, when `mail` names a template, email them too.

    Former members (the author was deleted) have no one to tell.
    """
    if member is None:
        return
    db.session.add(
        MemberNotice(
            user_id=member.id,
            kind=kind,
            answer_id=answer.id if answer is not None else None,
            message=message,
        )
    )
    if answer is not None and kind is not NoticeKind.SUPPORT:
        events.answer_decided(member, answer, message)  # also told as a notification
    if mail:
        mail_member(member, mail, answer=answer, message=message, **mail_context)


def mail_member(member: User, template: str, answer: Answer | None = None, **context) -> None:
    """Email the member with templates/mail/<template>.txt, with links back to the forum."""
    send_mail(
        member.email,
        template,
        member=member,
        answer=answer,
        answer_url=_answer_link(answer),
        account_url=_link("moderation.my_moderation"),
        guidelines_url=_link("pages.guidelines"),
        **context,
    )


def _link(endpoint: str, **values) -> str:
    """An absolute link when there is a request to take the host from (not from the CLI)."""
    return absolute_url(endpoint, **values) if has_request_context() else ""


def _answer_link(answer: Answer | None) -> str:
    return _link("answers.permalink", answer_id=answer.id) if answer is not None else ""


def notices_for(member: User, limit: int = RECENT_NOTICES) -> list[MemberNotice]:
    """The member's newest notices, unread first."""
    return list(
        db.session.scalars(
            select(MemberNotice)
            .where(MemberNotice.user_id == member.id)
            .order_by(MemberNotice.read_at.is_not(None), MemberNotice.created_at.desc())
            .limit(limit)
        )
    )


def mark_all_read(member: User) -> int:
    """Mark the member's unread notices read; returns how many there were."""
    result = db.session.execute(
        update(MemberNotice)
        .where(MemberNotice.user_id == member.id, MemberNotice.read_at.is_(None))
        .values(read_at=utcnow())
        .execution_options(synchronize_session=False)
    )
    return result.rowcount
