"""Pages of rows in one query: the total rides along on every row as COUNT(*) OVER ()."""

from __future__ import annotations

from typing import Any

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, func, select

from forum.database import db


class OneQueryPagination(Pagination):
    """Flask-SQLAlchemy's Pagination (what the `pagination` macro reads), filled by one query
    instead of a page query plus a count query.

    `items` holds the first column of each row (the entity); `rows` holds the whole rows, for
    callers that selected extra columns beside it. Only past the last page, where no row carries
    the total, does it run a separate count."""

    rows: list[Any]

    def _query_items(self) -> list[Any]:
        query: Select = self._query_args["select"]
        total = func.count().over().label("total_rows")
        self.rows = list(
            db.session.execute(
                query.add_columns(total).limit(self.per_page).offset(self._query_offset)
            )
        )
        self._total = self.rows[0].total_rows if self.rows else None
        return [row[0] for row in self.rows]

    def _query_count(self) -> int:
        if self._total is not None:
            return self._total
        if self.page == 1:
            return 0
        query: Select = self._query_args["select"]
        counted = select(func.count()).select_from(query.order_by(None).subquery())
        return db.session.execute(counted).scalar_one()


def paginate(query: Select, page: int, per_page: int) -> OneQueryPagination:
    """The page asked for, or the last page when asked for one past the end."""
    pager = OneQueryPagination(
        select=query, page=page, per_page=per_page, max_per_page=None, error_out=False
    )
    if not pager.items and pager.total and page > pager.pages:
        pager = OneQueryPagination(
            select=query, page=pager.pages, per_page=per_page, max_per_page=None, error_out=False
        )
    return pager
