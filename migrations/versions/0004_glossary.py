"""Terminology: glossaries, their use by collections, term entries, dismissed findings.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "glossary",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=80), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("source_lang", sa.String(length=8), nullable=False),
        sa.Column("target_lang", sa.String(length=8), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_glossary")),
        sa.UniqueConstraint("slug", name=op.f("uq_glossary_slug")),
    )
    op.create_table(
        "glossary_collection",
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("glossary_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collection.id"],
            name=op.f("fk_glossary_collection_collection_id_collection"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["glossary_id"],
            ["glossary.id"],
            name=op.f("fk_glossary_collection_glossary_id_glossary"),
        ),
        sa.PrimaryKeyConstraint("collection_id", name=op.f("pk_glossary_collection")),
    )
    op.create_index(
        op.f("ix_glossary_collection_glossary_id"), "glossary_collection", ["glossary_id"]
    )
    op.create_table(
        "term_entry",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("glossary_id", sa.Integer(), nullable=False),
        sa.Column("term", sa.String(length=300), nullable=False),
        sa.Column("ru_forms", sa.JSON(), nullable=False),
        sa.Column("preferred", sa.String(length=300), nullable=False),
        sa.Column("admitted", sa.JSON(), nullable=False),
        sa.Column("forbidden", sa.JSON(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "approved",
                name="term_status",
                native_enum=False,
                create_constraint=True,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("case_sensitive", sa.Boolean(), nullable=False),
        sa.Column("approved_by_id", sa.Integer(), nullable=True),
        sa.Column("approved_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["approved_by_id"],
            ["user_account.id"],
            name=op.f("fk_term_entry_approved_by_id_user_account"),
        ),
        sa.ForeignKeyConstraint(
            ["glossary_id"], ["glossary.id"], name=op.f("fk_term_entry_glossary_id_glossary")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_term_entry")),
        sa.UniqueConstraint("glossary_id", "term", name=op.f("uq_term_entry_glossary_id_term")),
    )
    op.create_index(op.f("ix_term_entry_glossary_id"), "term_entry", ["glossary_id"])
    op.create_table(
        "finding_dismissal",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("collection_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("check_id", sa.String(length=40), nullable=False),
        sa.Column("entry_id", sa.Integer(), nullable=True),
        sa.Column("fingerprint", sa.String(length=500), nullable=False),
        sa.Column("subject", sa.String(length=300), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["collection_id"],
            ["collection.id"],
            name=op.f("fk_finding_dismissal_collection_id_collection"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["document.id"],
            name=op.f("fk_finding_dismissal_document_id_document"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["user_id"], ["user_account.id"], name=op.f("fk_finding_dismissal_user_id_user_account")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_finding_dismissal")),
        sa.UniqueConstraint(
            "collection_id",
            "fingerprint",
            name=op.f("uq_finding_dismissal_collection_id_fingerprint"),
        ),
    )
    op.create_index(
        op.f("ix_finding_dismissal_collection_id"), "finding_dismissal", ["collection_id"]
    )
    op.create_index(op.f("ix_finding_dismissal_document_id"), "finding_dismissal", ["document_id"])


def downgrade():
    op.drop_index(op.f("ix_finding_dismissal_document_id"), table_name="finding_dismissal")
    op.drop_index(op.f("ix_finding_dismissal_collection_id"), table_name="finding_dismissal")
    op.drop_table("finding_dismissal")
    op.drop_index(op.f("ix_term_entry_glossary_id"), table_name="term_entry")
    op.drop_table("term_entry")
    op.drop_index(op.f("ix_glossary_collection_glossary_id"), table_name="glossary_collection")
    op.drop_table("glossary_collection")
    op.drop_table("glossary")
