"""The demo seed leaves one proposed question in the moderators' queue, marked as demo."""

from __future__ import annotations

from forum.database import db
from forum.proposals.models import ProposalStatus
from tests.proposals.conftest import all_proposals
from tools.demo.seed import seed_demo


def test_the_demo_has_one_waiting_proposal_marked_as_demo_content(app):
    seed_demo("demo-password-for-tests")
    db.session.commit()
    seed_demo(None)  # seeding again adds nothing
    db.session.commit()

    (proposal,) = all_proposals()
    assert proposal.status is ProposalStatus.OPEN
    assert proposal.details.startswith("Demo content:")
    assert proposal.condition.slug == "stiff-person-syndrome"
    assert proposal.proposer.email.endswith("@demo.example")
