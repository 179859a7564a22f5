"""What a page or a post is: the one ``kind`` vocabulary, as data.

Part of the site tables (:mod:`mayadeen_parse._site` re-exports every name,
so code reads ``_site.KIND_TABLE``): page kinds, post types, JSON-LD types,
and the words the trust report uses for each. Split out of ``_site.py`` to
keep each table module readable in one sitting.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Literal, NamedTuple

__all__ = [
    "ARTICLE_KINDS",
    "ARTICLE_TYPES",
    "KIND_TABLE",
    "LD_KINDS",
    "LD_NEWS_TYPES",
    "LISTING_LD_TYPES",
    "NOT_ARTICLE_TYPES",
    "PAGE_KINDS",
    "POST_TYPES",
    "REPORT_KIND_OF_PAGE",
    "REPORT_KIND_OF_POST",
    "Kind",
    "KindSpec",
    "PageKind",
]

#: What a page is, as ``PageContent.kind`` says it (and ``classify``,
#: ``NotAnArticleError.kind``): one word per row of :data:`KIND_TABLE`.
PageKind = Literal["article", "section", "home", "live", "page", "error", "empty", "unknown"]
#: An article's post type, as ``Article.kind`` says it (lower case, singular).
#: A post type the tables do not know is kept as the site writes it.
#: The last six are the Arabic edition's own post types [scrapers: the
#: ~12,000-page data set's posttype values, README "Arabic post types"]:
#: kinds of their own, not folded into "news", since a researcher counts them
#: apart (a TV bulletin is no news story).
Kind = Literal[
    "news", "opinion", "analysis", "blog", "feature", "video", "infograph", "gallery", "live",
    "report", "newscast", "misc", "press", "follow-up", "podcast",
]  # fmt: skip


class KindSpec(NamedTuple):
    """One kind of page, in the three words the output uses for it."""

    page: PageKind
    """``PageContent.kind``: ``"article"`` for every post type."""
    post: Kind | None
    """``Article.kind``; ``None`` for pages that are not articles."""
    report: str
    """``Report.kind`` (the report names each post type and each non-article
    page in one word; the words are kept as they were published)."""
    means: str


#: Every kind of page: the one vocabulary. ``Report.kind`` of an article is
#: its post kind's ``report`` word (an unknown post type as written).
KIND_TABLE: tuple[KindSpec, ...] = (
    KindSpec("article", "news", "article", "a news story, or no post type stated"),
    KindSpec("article", "opinion", "opinion", "an opinion piece"),
    KindSpec("article", "analysis", "analysis", "an analysis"),
    KindSpec("article", "blog", "blog", "a blog post"),
    KindSpec("article", "feature", "feature", "a feature"),
    KindSpec("article", "video", "video", "a video report (it may have no body)"),
    KindSpec("article", "infograph", "infograph", "an infographic"),
    KindSpec("article", "gallery", "gallery", "a photo gallery (In Pictures)"),
    KindSpec("article", "live", "live_blog", "a live blog"),
    KindSpec("article", "report", "report", "a TV or web news report (تقارير إخبارية; /reports/, /tv-reports/)"),
    KindSpec("article", "newscast", "newscast", "a TV news bulletin (نشرة الأخبار; /newscast/Y/M/D/)"),
    KindSpec("article", "misc", "misc", "a miscellany story (منوعات; /misc/)"),
    KindSpec("article", "press", "press", "the press review: translated foreign press (صحافة; /press/)"),
    KindSpec("article", "follow-up", "follow-up", "a follow-up story (متابعات)"),
    KindSpec("article", "podcast", "podcast", "a podcast episode (بودكاست; /podcasts/)"),
    KindSpec("section", None, "section_index", "a section, tag or author index"),
    KindSpec("home", None, "home_page", "the home page"),
    KindSpec("live", None, "live_page", "the live stream page (/live)"),
    KindSpec("page", None, "page", "a page the site labels type: page"),
    KindSpec("error", None, "error_page", 'a "not found" or error document'),
    KindSpec("empty", None, "empty", "an empty document"),
    KindSpec("unknown", None, "not_a_page", "no headline, or no sign of an article"),
)
PAGE_KINDS: tuple[PageKind, ...] = tuple(dict.fromkeys(spec.page for spec in KIND_TABLE))
ARTICLE_KINDS: tuple[Kind, ...] = tuple(spec.post for spec in KIND_TABLE if spec.post is not None)
#: ``Article.kind`` → ``Report.kind``.
REPORT_KIND_OF_POST: Mapping[str, str] = {spec.post: spec.report for spec in KIND_TABLE if spec.post is not None}
#: ``PageContent.kind`` of a page that is not an article → ``Report.kind``.
REPORT_KIND_OF_PAGE: Mapping[str, str] = {spec.page: spec.report for spec in KIND_TABLE if spec.post is None}

#: Post type names (tawsiyat posttype, URL parts, menu entries) → kind.
#: [capture] the menu: Articles ▸ Opinion, Analysis, Blog, Features; Videos ▸
#: NewsFeed, Video Features, Explainers, TV, Digital Series; Infographs; In Pictures.
POST_TYPES: Mapping[str, Kind] = {
    "news": "news",
    "opinion": "opinion",
    "opinions": "opinion",
    "analysis": "analysis",
    "analyses": "analysis",
    "blog": "blog",
    "blogs": "blog",
    "feature": "feature",
    "features": "feature",
    "video": "video",
    "videos": "video",
    "newsfeed": "video",
    "video features": "video",
    "video-features": "video",
    "explainers": "video",
    "explainer": "video",
    "tv": "video",
    "digital series": "video",
    "digital-series": "video",
    "infograph": "infograph",
    "infographs": "infograph",
    "infographic": "infograph",
    "infographics": "infograph",
    "in pictures": "gallery",
    "in-pictures": "gallery",
    "gallery": "gallery",
    "photos": "gallery",
    "live": "live",
}
#: JSON-LD @type → kind [common: schema.org types].
LD_KINDS: Mapping[str, Kind] = {
    "VideoObject": "video",
    "OpinionNewsArticle": "opinion",
    "AnalysisNewsArticle": "analysis",
    "BlogPosting": "blog",
    "ImageGallery": "gallery",
    "MediaGallery": "gallery",
    "LiveBlogPosting": "live",
}
#: JSON-LD @types meaning a plain news article.
LD_NEWS_TYPES = ("NewsArticle", "ReportageNewsArticle")
#: tawsiyat ``type`` values of pages that are not articles [scrapers: "page"
#: on the homepage; the rest common].
NOT_ARTICLE_TYPES: Mapping[str, PageKind] = {
    "page": "page",
    "section": "section",
    "category": "section",
    "tag": "section",
    "author": "section",
    "list": "section",
    "search": "section",
    "home": "home",
    "homepage": "home",
}
#: tawsiyat ``type`` values of articles [scrapers: article, video].
ARTICLE_TYPES = ("article", "video", "post", "news", "opinion", "analysis", "infograph", "gallery")
#: JSON-LD types of listing pages [common].
LISTING_LD_TYPES = frozenset({"CollectionPage", "ItemList", "SearchResultsPage", "WebSite", "ProfilePage"})
