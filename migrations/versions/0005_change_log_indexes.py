"""Change log: indexes for finding what undid a change and a collection's newest change.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-23
"""

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade():
    # Plain CREATE INDEX (no batch mode): rebuilding the change table would drop its
    # append-only triggers.
    op.create_index("ix_change_reverts_id", "change", ["reverts_id"])
    op.create_index("ix_change_collection_id_id", "change", ["collection_id", "id"])


def downgrade():
    op.drop_index("ix_change_collection_id_id", table_name="change")
    op.drop_index("ix_change_reverts_id", table_name="change")
