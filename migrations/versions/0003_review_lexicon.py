"""Review: a learned lexicon per collection; the change log indexed by entity for undo.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "collection_lexicon",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("bead_count", sa.Integer(), nullable=False),
        sa.Column("learned_through", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collection.id"],
            name=op.f("fk_collection_lexicon_collection_id_collection"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collection_lexicon")),
        sa.UniqueConstraint("collection_id", name=op.f("uq_collection_lexicon_collection_id")),
    )
    # A plain CREATE INDEX (no batch mode): rebuilding the change table would drop its
    # append-only triggers.
    op.create_index("ix_change_entity", "change", ["entity_type", "entity_id", "id"])


def downgrade():
    op.drop_index("ix_change_entity", table_name="change")
    op.drop_table("collection_lexicon")
