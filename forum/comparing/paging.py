"""Pages of rows in one query: the total rides along on every row as COUNT(*) OVER ()."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from flask_sqlalchemy.pagination import Pagination
from sqlalchemy import Select, bindparam, func, select

from forum.database import db


@dataclass(frozen=True)
class PageQuery:
    """A query to page through, with its paged form built beside it: the page's bounds are bound
    parameters, so a query built once (per shape, say) is paged without building anything."""

    select: Select
    paged: Select

    @classmethod
    def of(cls, query: Select) -> PageQuery:
        total = func.count().over().label("total_rows")
        paged = query.add_columns(total).limit(bindparam("page_limit"))
        return cls(query, paged.offset(bindparam("page_offset")))


class OneQueryPagination(Pagination):
    """Flask-SQLAlchemy's Pagination (what the `pagination` macro reads), filled by one query
    instead of a page query plus a count query.

    `items` holds the first column of each row (the entity); `rows` holds the whole rows, for
    callers that selected extra columns beside it. Only past the last page, where no row carries
    the total, does it run a separate count."""

    rows: list[Any]

    def _query_items(self) -> list[Any]:
        query: PageQuery = self._query_args["query"]
        bounds = {"page_limit": self.per_page, "page_offset": self._query_offset}
        self.rows = list(db.session.execute(query.paged, {**self._query_args["params"], **bounds}))
        self._total = self.rows[0].total_rows if self.rows else None
        return [row[0] for row in self.rows]

    def _query_count(self) -> int:
        if self._total is not None:
            return self._total
        if self.page == 1:
            return 0
        query: PageQuery = self._query_args["query"]
        counted = select(func.count()).select_from(query.select.order_by(None).subquery())
        return db.session.execute(counted, self._query_args["params"]).scalar_one()


def paginate(
    query: Select | PageQuery, page: int, per_page: int, params: dict[str, Any] | None = None
) -> OneQueryPagination:
    """The page asked for, or the last page when asked for one past the end. PARAMS are the
    values of the query's own bound parameters, if it has any."""
    if not isinstance(query, PageQuery):
        query = PageQuery.of(query)

    def pager_for(number: int) -> OneQueryPagination:
        return OneQueryPagination(
            query=query,
            params=params or {},
            page=number,
            per_page=per_page,
            max_per_page=None,
            error_out=False,
        )

    pager = pager_for(page)
    if not pager.items and pager.total and page > pager.pages:
        pager = pager_for(pager.pages)
    return pager
