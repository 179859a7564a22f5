"""Error documents are told from articles by the whole title, in each edition,
and never when the page carries article evidence (issue: the English-only
word search threw real articles away and missed the Arabic 404)."""

from __future__ import annotations

import pytest

import mayadeen_parse as mp
from mayadeen_parse._labels import error_title

_ERROR_BODY = "<main><div class='error-box'><h2>404</h2><p>{message}</p><a href='/'>{home}</a></div></main>"
_ARTICLE_BODY = (
    "<article><h1>{title}</h1><div class='byline'><p>6 Nov 2023 16:21</p></div>"
    "<div class='article-body'><p>{para}</p><p>{para}</p></div></article>"
)
_PARA = (
    "Occupation forces continued their bombardment of the Gaza Strip on Monday, the health ministry said, "
    "as the number of martyrs rose again and aid convoys were stopped at the crossing for another day."
)


def _page(title: str, body: str, lang: str = "en") -> str:
    head = f"<head><meta charset='utf-8'><title>{title}</title></head>"
    return f"<!DOCTYPE html><html lang='{lang}'>{head}<body>{body}</body></html>"


@pytest.mark.parametrize(
    ("title", "lang", "url"),
    [
        ("الصفحة غير موجودة - الميادين", "ar", "https://www.almayadeen.net/news/politics/x"),
        ("عذراً، الصفحة غير موجودة | الميادين", "ar", None),
        ("Página no encontrada | Al Mayadeen Español", "es", "https://espanol.almayadeen.net/noticias/x"),
        ("Page not found | Al Mayadeen English", "en", None),
        ("404 - Page not found | Al Mayadeen English", "en", None),
        ("404 Not Found", "ar", "https://www.almayadeen.net/x"),  # a server's page, English on every host
        ("Error 500", "en", None),
    ],
)
def test_error_documents_in_each_edition(title: str, lang: str, url: str | None) -> None:
    page = mp.load_page(_page(title, _ERROR_BODY.format(message="…", home="…"), lang), url=url)
    with pytest.raises(mp.NotAnArticleError) as caught:
        mp.parse_article(page)
    assert caught.value.kind == "error"


@pytest.mark.parametrize(
    "title",
    [
        "500 days of war on Gaza | Al Mayadeen English",
        "404 martyrs in one day: Gaza's health ministry | Al Mayadeen English",
        "Blinken admits an error in Gaza | Al Mayadeen English",
        "Aid not found where promised | Al Mayadeen English",
        "Error | Al Mayadeen English",  # an error title, but the page carries an article: a byline and a body
    ],
)
def test_articles_whose_titles_hold_error_words_stay_articles(title: str) -> None:
    headline = title.split(" | ")[0]
    page = mp.load_page(_page(title, _ARTICLE_BODY.format(title=headline, para=_PARA)))
    article = mp.parse_article(page)
    assert article.title == headline


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("الصفحة غير موجودة", True),
        ("الصفحة الغير موجودة في الأرشيف: تحقيق", False),
        ("404", True),
        ("404 - Page not found", True),
        ("Error 503", True),
        ("500 days of war on Gaza", False),
        ("500 Internal Server Error", True),
        ("Error in Gaza", False),
        ("", False),
        (None, False),
    ],
)
def test_error_title(title: str | None, expected: bool) -> None:
    assert error_title(title) is expected
