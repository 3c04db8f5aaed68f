"""What a member sees: the follow toggle, the bell, the notifications page, the settings, and
an unsubscribe link that works signed out."""

from __future__ import annotations

import re

from forum.database import db
from forum.notifications.delivery import notify_users
from forum.notifications.models import EmailChoice, Follow, Notification, NotificationKind
from forum.notifications.services import settings_of
from tests.notifications.helpers import Community, trusted


def count(column):
    return db.select(db.func.count(column))


def bell(html: str) -> str | None:
    found = re.search(r'class="bell__count" aria-hidden="true">([^<]+)<', html)
    return found.group(1) if found else None


def test_the_follow_button_toggles_without_script(app, make):
    place = Community(app, make)
    member = place.member()
    client = place.client_of(member)
    path = f"/questions/{place.question.id}/{place.question.slug}"
    page = client.get(path).get_data(as_text=True)
    assert 'follow-form__button">Follow<' in page
    response = client.post(
        f"/questions/{place.question.id}/follow", data={"level": "every_answer", "next": path}
    )
    assert response.headers["Location"] == path
    page = client.get(path).get_data(as_text=True)
    assert 'follow-form__button" data-following>Following<' in page
    assert "You follow “What eased your spasms?”: every new answer." in page
    client.post(f"/questions/{place.question.id}/follow", data={"level": "off"})
    assert 'follow-form__button">Follow<' in client.get(path).get_data(as_text=True)


def test_signed_out_readers_are_asked_to_sign_in_and_bad_follows_are_refused(app, make):
    place = Community(app, make)
    page = app.test_client().get(f"/conditions/{place.condition.id}/sps").get_data(as_text=True)
    assert f'href="/auth/sign-in?next=/conditions/{place.condition.id}/sps"' in page
    response = app.test_client().post(f"/conditions/{place.condition.id}/follow", data={})
    assert response.status_code in (302, 401)
    client = place.client_of(place.member())
    assert client.post("/questions/999999/follow", data={"level": "digest"}).status_code == 404
    response = client.post(f"/questions/{place.question.id}/follow", data={"level": "loud"})
    assert response.status_code in (302, 303)
    assert "That did not work" in client.get(response.headers["Location"]).get_data(as_text=True)


def test_the_bell_counts_unread_and_the_page_opens_each_and_reads_them(app, make):
    place = Community(app, make)
    follower = place.member()
    place.follow(follower)
    client = place.client_of(follower)
    assert bell(client.get("/").get_data(as_text=True)) is None
    author = trusted(make, place.member())
    answer = place.answer(author)

    assert bell(client.get("/").get_data(as_text=True)) == "1"
    page = client.get("/account/notifications").get_data(as_text=True)
    assert '<strong class="notification-list__new">New:</strong>' in page
    assert f'<a href="/answers/{answer.id}">' in page
    assert client.get(f"/answers/{answer.id}").status_code == 200
    assert bell(client.get("/").get_data(as_text=True)) is None
    assert "notification-list__new" not in client.get("/account/notifications").get_data(
        as_text=True
    )


def test_the_page_is_paged_newest_first_and_the_bell_stops_at_99(app, make):
    member = make.user()
    for n in range(120):
        notify_users([member.id], NotificationKind.REPORT_REPLY, f"Notice {n}.", "/", topic=f"t{n}",
                     emailed=True)  # fmt: skip
    db.session.commit()
    client = app.test_client(user=member)
    assert bell(client.get("/").get_data(as_text=True)) == "99+"
    first = client.get("/account/notifications").get_data(as_text=True)
    assert "Notice 119." in first and "Notice 100." in first and "Notice 99." not in first
    assert "Page 1 of 6" in first
    second = client.get("/account/notifications?page=2").get_data(as_text=True)
    assert "Notice 99." in second
    assert client.get("/account/notifications?page=99999999999999").status_code in (200, 400)
    assert bell(client.get("/").get_data(as_text=True)) == "80"
    client.post("/account/notifications/read")
    assert bell(client.get("/").get_data(as_text=True)) is None


def test_settings_choose_the_email_and_list_what_is_followed(app, make):
    place = Community(app, make)
    member = place.member()
    place.follow(member, target=place.condition)
    client = place.client_of(member)
    page = client.get("/account/notifications/settings").get_data(as_text=True)
    assert "Stiff Person Syndrome" in page and "crisis" not in page.lower()
    response = client.post("/account/notifications/settings", data={"email": "weekly"})
    assert response.status_code in (302, 303)
    assert settings_of(member).email is EmailChoice.WEEKLY
    response = client.post("/account/notifications/settings", data={"email": "hourly"})
    assert response.status_code == 200 and "Not a valid choice" in response.get_data(as_text=True)
    # A moderator also chooses whether they are on duty for crisis alerts.
    moderator_page = place.client_of(place.moderator).get("/account/notifications/settings")
    assert "Alert me at once" in moderator_page.get_data(as_text=True)


def test_unsubscribe_works_signed_out_in_one_click_and_cannot_be_forged(app, make, outbox):
    place = Community(app, make)
    follower = place.member()
    place.follow(follower)
    place.answer(trusted(make, place.member()))
    link = outbox.last(follower.email)["List-Unsubscribe"][1:-1].removeprefix("http://localhost")

    reader = app.test_client()  # signed out, as from a mail app
    page = reader.get(link).get_data(as_text=True)
    assert "Stop all notification email" in page
    assert settings_of(follower).email is EmailChoice.EACH  # opening the link changes nothing
    # RFC 8058: the mail client POSTs this body, with no cookie and no CSRF token.
    response = reader.post(link, data={"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    db.session.expire_all()
    assert settings_of(follower).email is EmailChoice.NEVER

    before = len(outbox.messages(follower.email))
    place.answer(trusted(make, place.member()))
    assert len(outbox.messages(follower.email)) == before

    token = link.rsplit("/", 1)[1]
    assert reader.get(f"/unsubscribe/{token[:-3]}xyz").status_code == 404
    assert reader.post("/unsubscribe/not-a-token").status_code == 404


def test_account_deletion_takes_follows_and_notifications_with_it(app, make):
    place = Community(app, make)
    member = place.member()
    member_id = member.id
    place.follow(member)
    place.answer(trusted(make, place.member()))
    client = place.client_of(member)
    response = client.post(
        "/account/delete",
        data={
            "password": "correct horse battery staple",
            "answers": "delete",
            "confirm": "y",
        },
    )
    assert response.status_code in (302, 303)
    assert db.session.scalar(count(Follow.id).where(Follow.user_id == member_id)) == 0
    assert db.session.scalar(count(Notification.id).where(Notification.user_id == member_id)) == 0


def test_the_members_export_holds_their_follows_notifications_and_choices(app, make):
    place = Community(app, make)
    member = place.member()
    place.follow(member)
    place.client_of(member).post("/account/notifications/settings", data={"email": "daily"})
    place.answer(trusted(make, place.member()))
    data = place.client_of(member).post("/account/export").get_json(force=True)
    assert data["follows"] == [
        {"question_id": place.question.id, "condition_id": None, "level": "every_answer",
         "created_at": data["follows"][0]["created_at"]}
    ]  # fmt: skip
    assert [n["kind"] for n in data["notifications"]] == ["new_answer"]
    assert data["notification_settings"]["email"] == "daily"
