"""Everything the library knows about the site, as data.

One table per fact, each entry with a comment citing where it was seen:
``[ref]`` the reconstructed reference page
(``../shared/site/reference/blinken-2023-11-06.html``), ``[capture]`` the
published text of that page, ``[cms]`` the real Arabic homepage capture and
its CSS (``../shared/site/real/``), ``[scrapers]`` public scrapers of the
Arabic edition, ``[common]`` common CMS practice. Code reads these tables; it
never spells a class name, a heading or a threshold itself.

The maintenance recipe ("the site renamed a class / added a heading") is in
``docs/design.md``: add one line here, newest layout first, and a fixture.

This module imports only :mod:`mayadeen_parse._editions` (the edition part
of these tables: hosts, headings, byline words, months, post types, places,
each once): every other module may read it.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from typing import Literal, NamedTuple

from ._editions import ATTRIBUTION_TAIL, BYLINE_WORDS, HEADINGS, MONTHS, TICKER_LABELS
from ._kinds import (
    ARTICLE_KINDS,
    ARTICLE_TYPES,
    KIND_TABLE,
    LD_KINDS,
    LD_NEWS_TYPES,
    LISTING_LD_TYPES,
    NOT_ARTICLE_TYPES,
    PAGE_KINDS,
    POST_TYPES,
    REPORT_KIND_OF_PAGE,
    REPORT_KIND_OF_POST,
    Kind,
    KindSpec,
    PageKind,
)

__all__ = [  # one line per few names: the tables are many
    "AD_HOSTS", "AD_LABELS", "AD_WORDS", "ARTICLE_KINDS", "ARTICLE_TYPES", "ATTRIBUTION_TAIL",
    "ATTRIBUTION_TAIL_MAX_WORDS",
    "AUTHOR_CLASS_WORDS", "AUTHOR_PATHS", "AUTHOR_SEPARATORS", "AUTHOR_SEPARATOR_WORDS", "BLOCKQUOTE_PROVIDERS",
    "BLOCKS", "BODY", "BODY_MAX_DEPTH", "BODY_START_MIN_CHARS", "BODY_WIDEN_MIN_CHARS", "BOX_HEADING_MAX_ELEMENTS",
    "BREAKING_LIST",
    "BYLINE_SEPARATORS", "BY_WORDS",
    "CAPTION_CLASS_WORDS", "CARD_LABEL_MAX_CHARS", "CARD_SKIP_PATHS", "DATE_LINE_MAX_CHARS", "DUPLICATE_CLASSES",
    "ERROR_STATUS_CODES",
    "FIGURE_BOX_MAX_ELEMENTS", "FIGURE_CLIMB_LEVELS", "HEADER_PART_MAX_CHARS",
    "HEADING_CLIMB_LEVELS", "HEADING_LANGUAGES", "HEADING_MAX_CHARS",
    "HEADING_SCAN_ELEMENTS", "HEADING_TEXT_FACTOR", "HEADING_TEXT_SLACK", "HINT_TAGS", "IMAGE_PLACEHOLDERS",
    "IMAGE_SRC_ATTRS", "INDEX_ROOTS", "KIND_TABLE", "LABEL_CLOCK_SKEW", "LD_KINDS", "LD_NEWS_TYPES", "LISTING",
    "LISTING_HEADING_CLIMB_LEVELS", "LISTING_LD_TYPES", "LOGO_WORDS", "MEANINGFUL_MIN_CHARS", "MONTH_NAMES",
    "NOT_ARTICLE_TYPES", "NOT_BODY_CLASSES", "NOT_CREDIT_WORDS", "PAGE_KINDS", "PLACE_PATHS", "POST_ID_ATTRS",
    "POST_TYPES",
    "PROMO_PREFIXES", "PROSE_MIN_CHARS", "PROVIDERS", "READ_TIME_PATTERNS", "REPORT_KIND_OF_PAGE",
    "REPORT_KIND_OF_POST", "ROOT_KINDS", "SECTIONED_ROOTS", "SECTIONS", "SECTION_CLASS_WORDS", "SECTION_MAX_WORDS",
    "SHARE_LINKS", "SITE_NAMES", "SLUG_STORY_ROOTS", "SOURCE_WORDS", "SPEAKER_MAX_WORDS", "STORY_ROOTS", "SUMMARY",
    "TAG_PATHS", "TAWSIYAT_ID", "TAWSIYAT_TYPE", "TEXT_TITLE_MAX_CHILDREN", "TICKER_LABELS", "TIME_ATTRS",
    "TITLE_SUFFIXES",
    "BlockSpec", "Kind", "KindSpec", "ListingSpec", "PageKind",
]  # fmt: skip

# --- page blocks -----------------------------------------------------------------

#: The languages a heading table has a column for (the three editions).
HEADING_LANGUAGES = ("en", "ar", "es")


class BlockSpec(NamedTuple):
    """How one page block is recognised and read.

    ``classes`` are simple CSS compounds (``tag.class``, ``.class``, ``#id``,
    ``[attr~=token]``), the real CMS's first, then the reconstructed ones; a
    block is looked for by class, then by one of its ``headings`` (lower
    case, whitespace collapsed, every edition: from
    :data:`mayadeen_parse._editions.HEADINGS`), then by structure. ``items``
    says how its content is read. ``confirm`` are class hints another block
    shares on some page: an element they match is the block only when it
    shows one of the block's headings.
    """

    name: str
    classes: tuple[str, ...]
    headings: Mapping[str, tuple[str, ...]]
    items: Literal["ticker", "teasers", "none"]
    confirm: tuple[str, ...] = ()

    def all_headings(self) -> tuple[str, ...]:
        """Every heading of the block, all languages, first language first."""
        return tuple(h for lang in HEADING_LANGUAGES for h in self.headings.get(lang, ()))


def _headings(block: str) -> Mapping[str, tuple[str, ...]]:
    """The block's headings per edition, lower case, whitespace collapsed,
    in table order (:data:`_editions.HEADINGS`: the one table of headings)."""
    found: dict[str, list[str]] = {}
    for heading in HEADINGS:
        if heading.block == block:
            key = " ".join(heading.text.split()).lower()
            if key not in found.setdefault(heading.edition, []):
                found[heading.edition].append(key)
    return {lang: tuple(texts) for lang, texts in found.items()}


#: The page furniture, in report order. Classes: the real CMS first ([cms]:
#: the real Arabic homepage, or its inline CSS), then the reconstructed
#: reference page's ([ref]). Headings: ``_editions.HEADINGS``.
BLOCKS: tuple[BlockSpec, ...] = (
    BlockSpec(
        name="breaking",
        classes=(
            "section.ticker-section",  # [cms] section.ticker-section > ... div.ticker-item
            ".breaking-news",  # [ref] <div class="breaking-news" id="breaking-news">
            "#breaking-news",  # [ref] the same element's id
        ),
        headings=_headings("breaking"),
        items="ticker",
    ),
    BlockSpec(
        name="most_read",
        classes=(
            "section.most-read-section",  # [cms] section.most-read-section > ... div.swiper-slide
            ".most-read",  # [ref] <section class="most-read">
        ),
        headings=_headings("most_read"),
        items="teasers",
    ),
    BlockSpec(
        name="related",
        classes=(
            "div.related_topics",  # [cms css] .news_read_more.related_topics
            ".list-related",  # [cms css] .list-related
            ".related-news",  # [ref] <div class="related-news">
        ),
        headings=_headings("related"),
        items="teasers",
    ),
    BlockSpec(
        name="read_next",
        classes=(
            ".read-next",  # [ref] <section class="read-next">
        ),
        headings=_headings("read_next"),
        items="teasers",
        confirm=(
            # [cms] section.news-section.read-section: the Read Next cards of
            # the .cms.html page, but on the real homepage the "اقرأ" (Read)
            # block: the block only under a Read Next heading.
            "section.read-section",
        ),
    ),
    BlockSpec(
        name="coverage",
        classes=(
            "section.featured-coverage",  # [cms css] section.featured-coverage > div.widget-title > h2
            "section.coverage",  # [ref] <section class="coverage"> (tabs filled by script)
        ),
        headings=_headings("coverage"),
        items="none",
    ),
)

# --- the ticker's items ----------------------------------------------------------------

#: The ticker's lines are its list items [cms: li > div.ticker-item >
#: div.ticker-text > a > p]. The second breaking list [cms:
#: section.breaking-news-vertical] holds the same items with their place and
#: time, merged into the ticker's; its items [cms: div.single-news >
#: div.breaking-meta (the place link, then the time label) + div.breaking-text
#: > a > h5] are read by structure (``_cards.breaking_list``), not by class:
#: the place link, a short text reading as a time label, the story link.
BREAKING_LIST = ("section.breaking-news-vertical",)
#: Path parts of a place link [cms: a[href="https://www.almayadeen.net/maingroup/<place>"]].
PLACE_PATHS = ("/maingroup/",)


#: The article body container, newest first.
BODY: tuple[str, ...] = (
    "div.p-content",  # [scrapers] paragraphs are its direct <p> children
    "[itemprop~=articleBody]",  # [common] schema.org microdata
    ".article-body",  # [common]
    ".article-content",  # [common]
    ".article__body",  # [common]
    ".post-content",  # [common]
    ".entry-content",  # [common] WordPress
    ".story-body",  # [common]
)

#: Class tokens of boxes inside the body container that are never article
#: text [cms css: .post_disclaimer (the disclaimer under opinion pieces),
#: .author-share (the share bar beside the byline), .live-box (the live
#: page's player box), .ad-div / .ad-inner (ads)]; the nesting is not seen.
NOT_BODY_CLASSES = frozenset({"post_disclaimer", "author-share", "live-box", "ad-div", "ad-inner"})

#: The standfirst, newest first.
SUMMARY: tuple[str, ...] = (
    "p.summary",  # [scrapers] <p class="lg_para summary">
    "p.lg_para",  # [scrapers] the same element
    ".article-summary",  # [common]
    ".standfirst",  # [common]
    ".excerpt",  # [common]
)

#: Container tags the class hints are looked for on (the class index scans
#: only these: the blocks, body and standfirst live there [ref]).
HINT_TAGS = (
    "div", "section", "aside", "article", "main", "header", "footer", "ul", "ol", "p", "span", "figure", "h2",
)  # fmt: skip

#: Headline texts that are the site's name, not a headline: a logo in an <h1>
#: [capture: "Slogan" image, logo].
SITE_NAMES = frozenset({"al mayadeen english", "al mayadeen", "almayadeen", "الميادين", "slogan"})
#: The site-name suffix of a ``<title>`` ("<headline> | Al Mayadeen English"
#: [capture]; "الرئيسية | الميادين" [cms]; the Spanish one [reconstructed]),
#: as regex alternatives after the separator.
TITLE_SUFFIXES = (r"Al\s*Mayadeen(?:\s+(?:English|Espa\u00f1ol))?", "\u0627\u0644\u0645\u064a\u0627\u062f\u064a\u0646")

#: HTTP status codes an error document's title may lead with ("404",
#: "404 - Page not found", "Error 500"): the client and server errors a
#: crawl meets. A title leading with another number ("500 days of war on
#: Gaza") is a headline.
ERROR_STATUS_CODES = frozenset({"400", "401", "403", "404", "410", "429", "500", "502", "503", "504"})

#: The site's own metadata block [known: <script id="tawsiyat-metadata"
#: type="text/tawsiyat">, the recommendation engine's input].
TAWSIYAT_ID = "tawsiyat-metadata"
TAWSIYAT_TYPE = "text/tawsiyat"

# --- byline, promos, captions --------------------------------------------------------


def _byline_words(role: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(w.text.rstrip(":").strip().lower() for w in BYLINE_WORDS if w.role == role))


#: Words opening the author part of a byline, every edition, lower case
#: (the one table is :data:`mayadeen_parse._editions.BYLINE_WORDS`:
#: [capture: "By Al Mayadeen English"], ``بقلم``, ``Por`` [reconstructed]).
BY_WORDS = _byline_words("by")
#: Words opening the agency part of a byline [capture: "Source: Agencies";
#: ``المصدر``, ``Fuente`` reconstructed], from the same table.
SOURCE_WORDS = _byline_words("source")
#: Read-time labels, one pattern per language [capture: "3 Min Read"]; group 1
#: is the number. Linear: one optional run of spaces between fixed words. The
#: English one also reads "3 minutes read"; the others are the table's words.
READ_TIME_PATTERNS = (
    r"^(\d{1,3})\s*min(?:ute)?s?\.?\s*read$",  # [capture] en
    *(rf"^(\d{{1,3}})\s*{re.escape(word)}$" for word in _byline_words("read_time") if word != "min read"),
)
#: Separators ending the names part of a one-line byline ("By X | 6 Nov 2023").
BYLINE_SEPARATORS = ("|", "\u00b7", "\u2022", "\u2014")  # [common]
#: Separators between author names, in byline text and in structured strings:
#: "A, B and C" [common]; the Arabic comma [cms]. An outlet name holds none.
AUTHOR_SEPARATORS = (",", ";", "\u060c", "&")
AUTHOR_SEPARATOR_WORDS = ("and",)

#: In-body promo prefixes [capture: "Read next: <linked headline>"]; a
#: paragraph starting with one and holding a link is a promo, not body text.
#: Arabic "اقرأ أيضاً" (read also, with and without tanween and hamza) and
#: Spanish "Lea también" [reconstructed: the Read Next heading's words of
#: those editions, _editions.HEADINGS].
PROMO_PREFIXES = (
    "read next", "read also", "also read", "read more", "see also", "related",
    "\u0627\u0642\u0631\u0623 \u0623\u064a\u0636\u0627\u064b", "\u0627\u0642\u0631\u0623 \u0623\u064a\u0636\u0627",
    "\u0625\u0642\u0631\u0623 \u0623\u064a\u0636\u0627\u064b", "\u0627\u0642\u0631\u0623 \u0627\u064a\u0636\u0627",
    "\u0627\u0642\u0631\u0623 \u0627\u0644\u0645\u0632\u064a\u062f",
    "lea tambi\u00e9n", "lee tambi\u00e9n", "lea m\u00e1s", "leer m\u00e1s", "ver tambi\u00e9n",
)  # fmt: skip

#: First words of a trailing parenthesis that is no credit: an episode's part
#: [cms: an alt ending "(الجزء الثاني)", part two; REVIEW.md], lower case.
NOT_CREDIT_WORDS = frozenset({"الجزء", "part", "parte"})
#: Class-name fragments marking an image caption [common: figcaption,
#: .image-caption, .media-caption (cms, English homepage feed)].
CAPTION_CLASS_WORDS = ("caption", "credit")
#: Class-name fragments marking a teaser's section label [cms: .category-meta].
SECTION_CLASS_WORDS = ("categ", "section", "kicker", "label", "rubric", "topic")
#: Class/id tokens marking an advertisement [common: gpt-ad, dfp, sponsored].
#: A hint only: an element so marked is an ad slot when it holds no prose
#: (nothing, or only an :data:`AD_LABELS` label), so ``<div class="ad-note">``
#: holding a sentence is body text (issue 14 §3).
AD_WORDS = ("ad", "ads", "adv", r"advert\w*", r"gpt-ad\w*", "dfp", r"sponsor\w*", "banner")
#: The label an ad slot shows instead of prose, lower case [common:
#: "Advertisement" above GPT slots; ar/es reconstructed].
AD_LABELS = frozenset({"advertisement", "advertisements", "ad", "ads", "sponsored", "إعلان", "publicidad", "anuncio"})
#: Attributes holding an element's time [common; <time datetime> is HTML].
TIME_ATTRS = ("datetime", "data-time", "data-datetime", "data-date", "data-published", "data-timestamp")
#: Attributes holding the post id on the article element [common].
POST_ID_ATTRS = ("data-id", "data-postid", "data-post-id", "data-article-id")
#: Image attributes holding the real URL, lazy-loading ones first [cms:
#: img.lozad.lazyload with data-src; src holds a placeholder]; a srcset's
#: first candidate [common].
IMAGE_SRC_ATTRS = ("data-src", "data-lazy-src", "data-original", "data-srcset", "srcset", "src")
#: Placeholder images, never a real picture [cms: src="/mdn2023/images/default1.7.png"
#: on every lazy image, default1.2.png on the footer logo]. Regex alternatives.
IMAGE_PLACEHOLDERS = (r"/mdn20\d\d/images/default[\d.]*\.(?:png|jpe?g|gif|webp)", r"^data:image/")
#: Marks of a logo image, never a lead image [capture: logo, "Slogan" image].
LOGO_WORDS = ("logo", "slogan")
#: Classes of a slider's loop copies of its cards [common: Swiper's
#: swiper-slide-duplicate, slick's slick-cloned; a page saved from a browser
#: has them]: a copy is never a second item.
DUPLICATE_CLASSES = frozenset({"swiper-slide-duplicate", "slick-cloned"})
#: Path parts of author pages [cms: a[href="/authors/<name>"] > div.author-name].
AUTHOR_PATHS = ("/authors/", "/author/")
#: Class-name fragments of a card's author box [cms: div.author-wrap >
#: a[href="#"] for a foreign author without a page].
AUTHOR_CLASS_WORDS = ("author",)
#: Path parts of tag links [ref: /tags/<slug>; /tag/ common].
TAG_PATHS = ("/tags/", "/tag/")
#: Links in a teaser card that are never its section label [ref: a card's
#: topic links go to /tags/].
CARD_SKIP_PATHS = ("/tags/",)

# --- ticker ---------------------------------------------------------------------

# ATTRIBUTION_TAIL and TICKER_LABELS (the ticker's words in each edition) live in _editions.

# --- embeds -----------------------------------------------------------------------

#: Embed provider → its hosts [common: the embeds the site's body carries].
PROVIDERS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("youtube", ("youtube.com", "youtube-nocookie.com", "youtu.be")),
    ("twitter", ("twitter.com", "x.com")),  # [capture] an X post in the body
    ("instagram", ("instagram.com",)),
    ("facebook", ("facebook.com", "fb.watch")),
    ("tiktok", ("tiktok.com",)),
    ("telegram", ("t.me", "telegram.org", "telegram.me")),
    ("vimeo", ("vimeo.com",)),
    ("soundcloud", ("soundcloud.com",)),
    ("spotify", ("spotify.com",)),
    ("dailymotion", ("dailymotion.com",)),
)
#: Blockquote class fragment → provider, checked in order [common: the
#: embed snippets' classes: twitter-tweet, instagram-media, fb-post...].
BLOCKQUOTE_PROVIDERS = (
    ("twitter", "twitter"),
    ("instagram", "instagram"),
    ("tiktok", "tiktok"),
    ("fb-", "facebook"),
    ("facebook", "facebook"),
    ("reddit", "reddit"),
    ("telegram", "telegram"),
)
#: Share links (a list of only these is the share bar, not body text) [capture:
#: the share links under the summary; the URL forms are the providers' own].
SHARE_LINKS = (
    r"(?:twitter\.com|x\.com)/(?:intent|share)",
    r"facebook\.com/(?:sharer|share\.php|dialog)",
    r"wa\.me/",
    r"whatsapp\.com/send",
    r"whatsapp://",
    r"t\.me/share",
    r"telegram\.me/share",
    r"linkedin\.com/share",
    r"reddit\.com/submit",
    r"pinterest\.com/pin",
    r"^mailto:\?",
    r"addtoany",
    r"sharethis",
)
#: Ad servers: an iframe from one is an ad, not an embed [common].
AD_HOSTS = ("doubleclick.net", "googlesyndication.com", "googletagservices.com", "adservice.google")

# --- thresholds ------------------------------------------------------------------------
# Each: its value, and why that value.

#: Longest text node read as a block heading: headings are a few words.
HEADING_MAX_CHARS = 80
#: An element reads as a heading while its whole text is at most this many
#: times the heading's length plus this slack (spaces, an icon's text): past
#: that it is a block holding the heading, and its text is not gathered.
HEADING_TEXT_FACTOR = 3
HEADING_TEXT_SLACK = 40
#: Elements at the top of a block's box looked at for its heading: the heading
#: comes before the items, within the first few elements.
HEADING_SCAN_ELEMENTS = 24
#: Levels climbed from a heading to the box holding its items: a card list
#: sits within a few wrappers of its heading [ref].
HEADING_CLIMB_LEVELS = 8
#: A paragraph this long (characters) is running text: a box holding one is
#: the article, not a block's own box.
PROSE_MIN_CHARS = 30
#: A text leaf of a card this short may be its section or date label.
CARD_LABEL_MAX_CHARS = 40
#: A section label is at most this many words ("Arts&Culture", "US & Canada").
SECTION_MAX_WORDS = 4
#: "statement: tail" is an attribution when the tail is at most this many words.
ATTRIBUTION_TAIL_MAX_WORDS = 6
#: "Speaker: statement" when the speaker is at most this many words.
SPEAKER_MAX_WORDS = 20
#: Without an <h1> or a structured title, an <h2> this long in <article> or
#: <main> is the headline: block headings and labels are shorter.
H2_TITLE_MIN_CHARS = 25
#: A <div>/<span>/<p> equal to a structured title is the headline only if it
#: has at most this many children (a headline, not a box holding one).
TEXT_TITLE_MAX_CHILDREN = 2
#: A header element with more text than this is not a byline part.
HEADER_PART_MAX_CHARS = 300
#: A header text longer than this is not a date line ("By X | 6 Nov 2023 16:21" is shorter).
DATE_LINE_MAX_CHARS = 120
#: In region mode, a paragraph this long after the title starts the body.
BODY_START_MIN_CHARS = 40
#: Extra paragraph text (characters) a parent must add to widen the body to it:
#: more than a caption, less than a paragraph.
BODY_WIDEN_MIN_CHARS = 80
#: Levels climbed from an image to its figure box (img → picture/a → box).
FIGURE_CLIMB_LEVELS = 3
#: A figure box is small (an image, a caption, a credit): an ancestor holding
#: more elements than this is a section, and is not read whole once per image.
FIGURE_BOX_MAX_ELEMENTS = 64
#: A page block's heading inside the body is an element and an inline child
#: or two (``<div><b>Related News</b></div>``): a first child holding more
#: elements is not one (and is not read once per level of nesting).
BOX_HEADING_MAX_ELEMENTS = 4
#: Nesting past this depth in the body is read as one paragraph (hostile input).
BODY_MAX_DEPTH = 64
#: A container with no more text than this is an embed's frame, not a paragraph.
MEANINGFUL_MIN_CHARS = 2

# --- kinds: in _kinds.py (re-exported here) ---------------------------------------------

# --- URLs -------------------------------------------------------------------------------

#: Path roots of sectioned stories: /news/<section>/<slug> [capture],
#: /articles/<kind>/<slug>, /videos/<kind>/<slug> [capture: the menu].
SECTIONED_ROOTS = frozenset({"news", "articles", "videos"})
#: Path roots of stories with no section part: /infographs/<slug>, ... [capture].
STORY_ROOTS = frozenset({"infographs", "in-pictures", "live", "coverage", "programs"})
#: Sectioned roots whose two-part paths are stories too, except the listed
#: index names: the Arabic edition files signed columns at /articles/<slug>
#: [cms: the real homepage's Most Read card 11 and the اقرأ block], the
#: English one indexes /articles/opinion ... [capture: the menu].
SLUG_STORY_ROOTS: Mapping[str, frozenset[str]] = {
    "articles": frozenset({"opinion", "analysis", "blog", "features"}),
}
#: Path roots that are never stories [ref: /tags/, /authors/].
INDEX_ROOTS = frozenset({"tags", "tag", "authors", "author", "search", "lite"})
#: Path root → the kind of the page under it (any depth: /videos/newsfeed is
#: the NewsFeed video index, and a page there is about videos).
ROOT_KINDS: Mapping[str, Kind] = {"videos": "video", "infographs": "infograph", "in-pictures": "gallery"}

#: Section names as the site's menu writes them, by URL slug [capture: the menu].
SECTIONS: Mapping[str, str] = {
    "politics": "Politics",
    "economy": "Economy",
    "sports": "Sports",
    "arts-culture": "Arts&Culture",
    "health": "Health",
    "miscellaneous": "Miscellaneous",
    "technology": "Technology",
    "environment": "Environment",
    "opinion": "Opinion",
    "analysis": "Analysis",
    "blog": "Blog",
    "features": "Features",
    "newsfeed": "NewsFeed",
    "video-features": "Video Features",
    "explainers": "Explainers",
    "tv": "TV",
    "digital-series": "Digital Series",
}

# --- dates ---------------------------------------------------------------------------


def _month_names() -> Mapping[str, tuple[tuple[str, ...], ...]]:
    names: dict[str, list[list[str]]] = {}
    for entry in MONTHS:
        months = names.setdefault(entry.language, [[] for _ in range(12)])
        spelling = entry.text.lower()
        if spelling not in months[entry.month - 1]:
            months[entry.month - 1].append(spelling)
    return {language: tuple(tuple(month) for month in months) for language, months in names.items()}


#: Month names per language, January first; each month its spellings, lower
#: case: the one table is :data:`mayadeen_parse._editions.MONTHS` (English
#: [capture: "6 Nov 2023 16:21"], Arabic Levantine as the site writes them
#: [cms: "30 تشرين اول"] and standard, Spanish [reconstructed]).
MONTH_NAMES: Mapping[str, tuple[tuple[str, ...], ...]] = _month_names()

#: How far a relative label (``اليوم 21:48``) may lie after the page's fetch
#: time and still be read on the fetch day. A page cannot show an item
#: published after it was fetched, so a label later than that is the day
#: before's (fetched at 00:30, ``اليوم 21:48`` is a stale "today" the page
#: was cached with, i.e. 21:48 the evening before). The slack is for clocks:
#: the site's CMS and the crawler's (a WARC-Date, a Wayback timestamp) are not
#: the same clock, and a few minutes' drift between servers is common.
LABEL_CLOCK_SKEW = datetime.timedelta(minutes=10)

# --- listings -----------------------------------------------------------------------------


class ListingSpec(NamedTuple):
    """How the story cards of a listing page (a homepage, a section index)
    are found and read by ``_listing``.

    A card is the largest element around one story's links holding no other
    story's link (the card classes only stop the climb early); a block is the
    cards after a block heading within a few levels of it. Classes are class
    tokens (not selectors): they are matched token by token in one walk.
    """

    skip_tags: frozenset[str]
    """Subtrees that never hold a story card (menus, header, footer)."""
    skip_classes: frozenset[str]
    """Class tokens of subtrees that are not the listing's (the ticker's two lists)."""
    card_classes: frozenset[str]
    """Class tokens of card roots: the outermost element carrying one is a
    card by itself (a card never climbs past it)."""
    heading_containers: frozenset[str]
    """Class tokens of a block's head: a heading tag inside one is the block's heading."""
    heading_tags: frozenset[str]
    """Tags read as a block heading inside a head container, or with a known heading text."""
    structural_heading_tags: frozenset[str]
    """Tags read as a block heading anywhere (outside links and cards), when cards follow."""
    heading_class_words: tuple[str, ...]
    """Class fragments of a text-only element read as a block heading when its
    text is a known heading (a ``<div>`` heading)."""
    excluded_blocks: frozenset[str]
    """Blocks (``_editions`` heading names) whose cards are not the listing's."""
    label_classes: frozenset[str]
    """Class tokens of a card's section label link (on the link or its parent)."""
    author_classes: frozenset[str]
    """Class tokens of a card's author box: its links are authors, never stories."""
    image_skip_classes: frozenset[str]
    """Class tokens of a card's icons (flags): their images are not the card's picture."""
    not_story_roots: frozenset[str]
    """First path segments of links that are never a card's story."""
    min_parts: Mapping[str, int]
    """First path segment → path segments of a story (fewer: an index; others: 2)."""
    min_title_chars: int
    """A card's title has at least this many characters."""
    prose_tags: frozenset[str]
    """Tags of running text: a story link in one (within ``inline_levels``
    inline elements), among other text, is an inline link (a promo), never a card."""
    inline_levels: int


#: The listing of a homepage or a section index. Class tokens all [cms] (the
#: real Arabic homepage, tests/fixtures/real/REVIEW.md "Card shapes"),
#: except where marked.
LISTING = ListingSpec(
    skip_tags=frozenset(
        {"header", "footer", "nav", "script", "style", "noscript", "template", "svg", "form", "select", "iframe"}
    ),
    skip_classes=frozenset(
        {
            "ticker-section",  # [cms] section.ticker-section (the ticker)
            "breaking-news-vertical",  # [cms] the second breaking list
            "breaking-news",  # [ref] <div class="breaking-news">
            "cookie-notice",  # [cms] div.notice.cookie-notice
        }
        | DUPLICATE_CLASSES  # a slider's loop copies of its cards (a page saved from a browser)
    ),
    card_classes=frozenset(
        {
            "card-div",  # [cms] lead card, shape 1
            "white-card",  # [cms] lead text card, shape 2 (also inside grid-card: the outer one wins)
            "grid-card",  # [cms] shape 3
            "swiper-slide",  # [cms] shapes 4, 5, 8
            "grid-item",  # [cms] shapes 6, 7, 10
            "podcast",  # [cms] div.item.title.podcast, shape 11
            "listing-item",  # [ref] tests/fixtures/section/politics-index.html
        }
    ),
    heading_containers=frozenset(
        {
            "section_head",  # [cms] div.section_head > div.title > a > h2
        }
    ),
    heading_tags=frozenset({"h1", "h2", "h3", "h4", "h5", "h6"}),
    structural_heading_tags=frozenset({"h2", "h3"}),  # [cms] card titles outside links are h4
    heading_class_words=("head", "title"),  # [ref] section page: <div class="box-head">Most read</div>
    excluded_blocks=frozenset({"breaking"}),  # the ticker's items are BreakingItems
    label_classes=frozenset(
        {
            "category-meta",  # [cms] a.category-meta
            "animated-category",  # [cms] div.animated-category > a (infographs)
            "Category",  # [cms] div.Category > a.category-meta (Most Read)
        }
    ),
    author_classes=frozenset({"author-wrap", "author-name"}),  # [cms] div.author-wrap > a > div.author-name
    image_skip_classes=frozenset({"country-img", "img_icon", "flag"}),  # [cms] flags; flag [common]
    not_story_roots=frozenset(
        {
            "country",  # [cms] flag links /country/<slug>
            "maingroup",  # [cms] place links of the breaking list
            "latestnews",  # [cms] breaking items' own pages: the ticker's
            "shortnews",  # [cms] the breaking index
            "live",  # [cms] live badges
            "cdn-cgi",  # [cms] Cloudflare
        }
    ),
    min_parts={
        "news": 3,  # [cms] /news/politics/<slug> stories, /news/politics labels; [capture] the same
        "videos": 3,  # [capture] /videos/<kind>/<slug>; /videos/newsfeed is an index
        "newscast": 5,  # [cms] /newscast/2023/11/2/<slug>
        # Not "articles": the Arabic edition's stories are /articles/<slug> [cms],
        # the English /articles/<kind> indexes are menu entries [capture].
    },
    min_title_chars=2,
    prose_tags=frozenset({"p"}),  # [capture] "Read next: <linked headline>" paragraphs in the body
    inline_levels=3,  # [ref] <p><strong>Read next: <a>: one level; three allow nested emphasis
)
#: Levels a block heading climbs to the box holding its cards: the real
#: homepage's h2 sits 4 levels under its section (div.section_head > div.title > a).
LISTING_HEADING_CLIMB_LEVELS = 8
