// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The checks of `chatcart converse-eval`: what each assertion of a
// conversation set (converse_set.h) means for one turn's outcome, and the
// text helpers they use (folding, word matching, reply language, leaks).

#include <algorithm>
#include <cctype>
#include <set>
#include <utility>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "chatcart/locale.h"
#include "chatcart/money.h"
#include "converse_set.h"

namespace chatcart::cli {
namespace {

using Kind = Assertion::Kind;

bool IsWordChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

bool CompareCount(int64_t actual, CompareOp op, int64_t expected) {
  switch (op) {
    case CompareOp::kEq:
      return actual == expected;
    case CompareOp::kNe:
      return actual != expected;
    case CompareOp::kLt:
      return actual < expected;
    case CompareOp::kLe:
      return actual <= expected;
    case CompareOp::kGt:
      return actual > expected;
    case CompareOp::kGe:
      return actual >= expected;
  }
  return false;
}

// The language of a locale as the sets write it ("en-GB", "IT"): the
// library's one cut (chatcart/locale.h), in lower case.
std::string PrimaryLanguage(absl::string_view tag) {
  std::string out(LocaleLanguage(std::string_view(tag.data(), tag.size())));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool StateMatches(absl::string_view state, absl::string_view pattern) {
  if (absl::EndsWith(pattern, "/*")) {
    return absl::StartsWith(state, pattern.substr(0, pattern.size() - 1));
  }
  return state == pattern;
}

// Everything one turn showed and said, gathered once.
struct Seen {
  std::vector<std::string> shown;      // distinct product ids, in order
  std::vector<std::string> templates;  // of every reply
  std::vector<std::string> texts;      // non-empty reply texts
  std::vector<std::string> folded_texts;
};

Seen Gather(const v1::TurnResult& r) {
  Seen seen;
  for (const v1::Reply& reply : r.replies()) {
    seen.templates.push_back(reply.template_id());
    if (!reply.text().empty()) {
      seen.texts.push_back(reply.text());
      seen.folded_texts.push_back(FoldForMatch(reply.text()));
    }
    for (const v1::ProductCard& card : reply.products()) {
      if (std::find(seen.shown.begin(), seen.shown.end(), card.product_id()) == seen.shown.end()) {
        seen.shown.push_back(card.product_id());
      }
    }
  }
  return seen;
}

std::string ListOrNone(const std::vector<std::string>& items) {
  return items.empty() ? std::string("(none)") : absl::StrJoin(items, ", ");
}

// The product a cart line stands for: its variant (sku) when the catalog
// knows it, else its product id.
std::optional<ProductIndex> LineProduct(const Catalog* catalog, const CartLine& line) {
  if (catalog == nullptr) return std::nullopt;
  if (!line.sku.empty()) {
    if (std::optional<ProductIndex> i = catalog->Lookup(line.sku)) return i;
  }
  return catalog->Lookup(line.product_id);
}

std::string DescribeCart(const Cart* cart) {
  if (cart == nullptr || cart->state().lines.empty()) return "empty";
  std::vector<std::string> lines;
  for (const CartLine& line : cart->state().lines) {
    lines.push_back(absl::StrCat(line.quantity, " x ", line.product_id,
                                 line.sku.empty() ? "" : absl::StrCat("/", line.sku)));
  }
  return absl::StrJoin(lines, ", ");
}

// Why `a` does not hold, or "" when it holds.
std::string Check(const Assertion& a, const Seen& seen, const TurnObservation& observed,
                  const StoreFacts& store) {
  const v1::TurnResult& r = *observed.result;
  const Catalog* catalog = store.catalog();
  auto any_of_values = [&](const std::string& got) {
    return std::find(a.values.begin(), a.values.end(), got) != a.values.end();
  };
  switch (a.kind) {
    case Kind::kIntent: {
      bool in = any_of_values(r.trace().intent());
      if (in != a.negated) return "";
      return absl::StrCat("intent was \"", r.trace().intent(), "\"");
    }
    case Kind::kAct: {
      bool in = std::any_of(seen.templates.begin(), seen.templates.end(), any_of_values);
      if (in != a.negated) return "";
      return absl::StrCat("templates were ", ListOrNone(seen.templates));
    }
    case Kind::kState: {
      bool in = std::any_of(a.values.begin(), a.values.end(), [&](const std::string& p) {
        return StateMatches(r.trace().state(), p);
      });
      if (in != a.negated) return "";
      return absl::StrCat("state was \"", r.trace().state(), "\"");
    }
    case Kind::kShows:
    case Kind::kShowsAny:
    case Kind::kHides: {
      std::vector<std::string> present, missing;
      for (const std::string& id : a.values) {
        bool is_shown = std::find(seen.shown.begin(), seen.shown.end(), id) != seen.shown.end();
        (is_shown ? present : missing).push_back(id);
      }
      bool ok = a.kind == Kind::kShows      ? missing.empty()
                : a.kind == Kind::kShowsAny ? !present.empty()
                                            : present.empty();
      if (ok) return "";
      return absl::StrCat("shown: ", ListOrNone(seen.shown));
    }
    case Kind::kShownCount:
      if (CompareCount(static_cast<int64_t>(seen.shown.size()), a.op, a.number)) return "";
      return absl::StrCat(seen.shown.size(), " shown: ", ListOrNone(seen.shown));
    case Kind::kShownAll:
    case Kind::kShownNone: {
      if (catalog == nullptr) return "the store has no catalog";
      if (a.kind == Kind::kShownAll && seen.shown.empty()) return "nothing shown";
      absl::StatusOr<ProductSet> set = catalog->Select(a.constraints);
      if (!set.ok()) return std::string(set.status().message());
      std::vector<std::string> offenders;
      for (const std::string& id : seen.shown) {
        std::optional<ProductIndex> i = catalog->FindById(id);
        bool satisfies = i.has_value() && set->Contains(*i);
        if (satisfies == (a.kind == Kind::kShownNone)) offenders.push_back(id);
      }
      if (offenders.empty()) return "";
      return absl::StrCat(a.kind == Kind::kShownAll ? "not satisfying it: " : "satisfying it: ",
                          absl::StrJoin(offenders, ", "), " (shown: ", ListOrNone(seen.shown), ")");
    }
    case Kind::kShownNew: {
      if (seen.shown.empty()) return "nothing shown";
      std::vector<std::string> again;
      if (observed.previous_shown != nullptr) {
        for (const std::string& id : seen.shown) {
          if (std::find(observed.previous_shown->begin(), observed.previous_shown->end(), id) !=
              observed.previous_shown->end()) {
            again.push_back(id);
          }
        }
      }
      if (again.empty()) return "";
      return absl::StrCat("shown again: ", absl::StrJoin(again, ", "));
    }
    case Kind::kCartHas:
    case Kind::kCartLacks: {
      if (catalog == nullptr) return "the store has no catalog";
      absl::StatusOr<ProductSet> set = catalog->Select(a.constraints);
      if (!set.ok()) return std::string(set.status().message());
      bool found = false;
      if (observed.cart != nullptr) {
        for (const CartLine& line : observed.cart->state().lines) {
          std::optional<ProductIndex> i = LineProduct(catalog, line);
          if (!i.has_value() || !set->Contains(*i)) continue;
          if (a.quantity.has_value() && line.quantity != *a.quantity) continue;
          found = true;
        }
      }
      if (found == (a.kind == Kind::kCartHas)) return "";
      return absl::StrCat("cart: ", DescribeCart(observed.cart));
    }
    case Kind::kCartLines:
    case Kind::kCartItems: {
      int64_t n = 0;
      if (observed.cart != nullptr) {
        for (const CartLine& line : observed.cart->state().lines) {
          n += a.kind == Kind::kCartLines ? 1 : line.quantity;
        }
      }
      if (CompareCount(n, a.op, a.number)) return "";
      return absl::StrCat("cart: ", DescribeCart(observed.cart));
    }
    case Kind::kCartTotal: {
      absl::StatusOr<Money> expected = Money::Parse(a.total_decimal, store.engine().currency());
      if (!expected.ok()) return std::string(expected.status().message());
      int64_t total = 0;
      if (observed.cart != nullptr) {
        absl::StatusOr<CartTotals> totals = observed.cart->Totals();
        if (!totals.ok()) return std::string(totals.status().message());
        total = totals->grand_total.minor_units();
      }
      if (total == expected->minor_units()) return "";
      absl::StatusOr<Money> got = Money::FromMinorUnits(total, store.engine().currency());
      return absl::StrCat("total was ", got.ok() ? got->ToDecimalString() : "?",
                          "; cart: ", DescribeCart(observed.cart));
    }
    case Kind::kMentions:
    case Kind::kMentionsNot: {
      std::string said;
      for (const std::string& v : a.values) {
        std::string needle = FoldForMatch(v);
        for (const std::string& text : seen.folded_texts) {
          if (ContainsWord(text, needle)) said = v;
        }
        if (!said.empty()) break;
      }
      if (a.kind == Kind::kMentions) return said.empty() ? "says none of them" : "";
      return said.empty() ? "" : absl::StrCat("says \"", said, "\"");
    }
    case Kind::kHandoff:
    case Kind::kNoHandoff: {
      bool handoff =
          std::any_of(r.host_actions().begin(), r.host_actions().end(),
                      [](const v1::HostActionRequest& h) { return h.kind() == "handoff"; });
      if (handoff == (a.kind == Kind::kHandoff)) return "";
      return handoff ? "a handoff was requested" : "no handoff host action";
    }
    case Kind::kOffersHuman: {
      static constexpr absl::string_view kTemplates[] = {"chatcart.offer_human", "chatcart.handoff",
                                                         "chatcart.human"};
      static constexpr absl::string_view kWords[] = {
          "human", "person", "persona", "personne", "operator", "operatore", "conseiller"};
      for (const v1::HostActionRequest& h : r.host_actions()) {
        if (h.kind() == "handoff") return "";
      }
      for (const std::string& t : seen.templates) {
        for (absl::string_view k : kTemplates) {
          if (t == k) return "";
        }
      }
      for (const v1::Reply& reply : r.replies()) {
        for (const v1::QuickReplyOption& q : reply.quick_replies()) {
          std::string both = FoldForMatch(absl::StrCat(q.title(), " ", q.payload()));
          for (absl::string_view w : kWords) {
            if (ContainsWord(both, w)) return "";
          }
        }
      }
      return "no offer of a person";
    }
    case Kind::kQuickReply: {
      std::vector<std::string> offered;
      for (const v1::Reply& reply : r.replies()) {
        for (const v1::QuickReplyOption& q : reply.quick_replies()) {
          offered.push_back(q.title());
          std::string both = FoldForMatch(absl::StrCat(q.title(), " ", q.payload()));
          for (const std::string& v : a.values) {
            if (ContainsWord(both, FoldForMatch(v))) return "";
          }
        }
      }
      return absl::StrCat("quick replies: ", ListOrNone(offered));
    }
    case Kind::kSilent:
      return r.replies_size() == 0 ? "" : absl::StrCat(r.replies_size(), " replies");
    case Kind::kLang: {
      const std::string& lang = a.values[0];
      if (PrimaryLanguage(r.language()) != PrimaryLanguage(lang)) {
        return absl::StrCat("session language was \"", r.language(), "\"");
      }
      for (const std::string& text : seen.texts) {
        std::string guess = GuessReplyLanguage(text, &store);
        if (!guess.empty() && guess != PrimaryLanguage(lang)) {
          return absl::StrCat("a reply reads as ", guess, ": \"", text, "\"");
        }
      }
      return "";
    }
    case Kind::kReplied:
      for (const v1::Reply& reply : r.replies()) {
        if (!reply.text().empty() || reply.products_size() > 0) return "";
      }
      return "no reply";
    case Kind::kNoLeak:
      for (const v1::Reply& reply : r.replies()) {
        std::vector<absl::string_view> texts = {reply.text()};
        for (const v1::QuickReplyOption& q : reply.quick_replies()) texts.push_back(q.title());
        for (absl::string_view text : texts) {
          if (std::string leak = LeakIn(text, &store); !leak.empty()) {
            return absl::StrCat(leak, " in \"", text, "\"");
          }
        }
      }
      return "";
    case Kind::kNotFallback:
      for (const std::string& t : seen.templates) {
        if (t == "chatcart.not_understood") return "the not-understood fallback";
      }
      return "";
    case Kind::kNoRepeat:
      if (observed.previous_texts == nullptr) return "";
      for (const std::string& text : seen.texts) {
        if (std::find(observed.previous_texts->begin(), observed.previous_texts->end(), text) !=
            observed.previous_texts->end()) {
          return absl::StrCat("said again: \"", text, "\"");
        }
      }
      return "";
  }
  return "unknown assertion";
}

const Assertion& Default(Kind kind) {
  static const auto* defaults = [] {
    auto* d = new std::vector<Assertion>();
    for (Kind k :
         {Kind::kReplied, Kind::kNoLeak, Kind::kLang, Kind::kNotFallback, Kind::kNoRepeat}) {
      Assertion a;
      a.kind = k;
      a.text = std::string(AssertionName(k));
      d->push_back(std::move(a));
    }
    return d;
  }();
  for (const Assertion& a : *defaults) {
    if (a.kind == kind) return a;
  }
  return defaults->front();
}

}  // namespace

std::vector<AssertionFailure> CheckTurn(const SetTurn& turn, absl::string_view conversation_lang,
                                        const TurnObservation& observed, const StoreFacts& store) {
  Seen seen = Gather(*observed.result);
  std::vector<AssertionFailure> failures;
  auto run = [&](const Assertion& a) {
    if (std::string why = Check(a, seen, observed, store); !why.empty()) {
      failures.push_back({&a, std::move(why)});
    }
  };
  bool explicit_lang = false;
  for (const Assertion& a : turn.assertions) {
    explicit_lang |= a.kind == Kind::kLang;
    run(a);
  }
  if (!turn.allow_silence) run(Default(Kind::kReplied));
  run(Default(Kind::kNoLeak));
  if (!explicit_lang && !turn.allow_silence) {
    Assertion lang = Default(Kind::kLang);
    lang.values = {std::string(conversation_lang)};
    if (std::string why = Check(lang, seen, observed, store); !why.empty()) {
      failures.push_back({&Default(Kind::kLang), std::move(why)});
    }
  }
  if (!turn.allow_fallback) run(Default(Kind::kNotFallback));
  if (!turn.allow_repeat) run(Default(Kind::kNoRepeat));
  return failures;
}

StoreFacts::StoreFacts(std::shared_ptr<const Engine> engine) : engine_(std::move(engine)) {
  const Catalog* catalog = engine_->catalog();
  if (catalog == nullptr) return;
  std::set<std::string> texts;
  for (ProductIndex i = 0; i < catalog->size(); ++i) {
    Product p = catalog->product(i);
    for (std::string_view t : {p.name, p.description}) {
      if (t.size() >= 3) texts.insert(FoldForMatch(absl::string_view(t.data(), t.size())));
    }
    std::string id = FoldForMatch(absl::string_view(p.id.data(), p.id.size()));
    if (id.find_first_of("-_0123456789") != std::string::npos &&
        id.find_first_of("abcdefghijklmnopqrstuvwxyz") != std::string::npos)
      ids_.push_back(std::move(id));
  }
  product_texts_.assign(texts.begin(), texts.end());
  std::stable_sort(product_texts_.begin(), product_texts_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string FoldForMatch(absl::string_view text) {
  static constexpr char kLatin1[64 + 1] =  // U+00C0..U+00FF, lower case, no accent
      "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    unsigned char c1 = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    unsigned char c2 = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
    if (c < 0x80) {
      out.push_back(static_cast<char>(std::tolower(c)));
    } else if (c == 0xC3 && c1 >= 0x80 && c1 <= 0xBF) {
      out.push_back(kLatin1[c1 - 0x80]);
      ++i;
    } else if (c == 0xC2 && c1 == 0xA0) {  // no-break space
      out.push_back(' ');
      ++i;
    } else if (c == 0xC5 && (c1 == 0x92 || c1 == 0x93)) {  // œ
      out += "oe";
      ++i;
    } else if (c == 0xE2 && c1 == 0x80 && (c2 == 0x89 || c2 == 0xAF || c2 == 0x8A)) {
      out.push_back(' ');  // thin, narrow no-break and hair spaces
      i += 2;
    } else if (c == 0xE2 && c1 == 0x80 && (c2 == 0x98 || c2 == 0x99)) {
      out.push_back('\'');
      i += 2;
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

bool ContainsWord(absl::string_view haystack, absl::string_view needle) {
  if (needle.empty()) return false;
  for (size_t at = haystack.find(needle); at != absl::string_view::npos;
       at = haystack.find(needle, at + 1)) {
    bool left_ok = !IsWordChar(needle.front()) || at == 0 || !IsWordChar(haystack[at - 1]);
    size_t end = at + needle.size();
    bool right_ok =
        !IsWordChar(needle.back()) || end == haystack.size() || !IsWordChar(haystack[end]);
    if (left_ok && right_ok) return true;
  }
  return false;
}

std::string GuessReplyLanguage(absl::string_view text, const StoreFacts* store) {
  // Function words of each language, folded; none shared by two of them, nor
  // common as a word of another ("in", "come", "qui", "ce" are Italian too).
  static const auto* kWords =
      new std::vector<std::pair<std::string, absl::flat_hash_set<std::string>>>{
          {"en",
           {"the",      "and",    "you",   "your", "is",        "are",   "of",    "to",   "for",
            "with",     "this",   "that",  "what", "which",     "would", "can",   "have", "there",
            "here",     "please", "sorry", "only", "now",       "will",  "it's",  "i'm",  "don't",
            "couldn't", "didn't", "my",    "we",   "our",       "it",    "be",    "any",  "or",
            "do",       "does",   "how",   "much", "available", "cart",  "order", "want", "like",
            "one",      "just",   "about", "from", "isn't",     "these", "those"}},
          {"it", {"di",    "che",    "per",      "con",    "una",    "del",    "della",  "dei",
                  "delle", "sono",   "hai",      "ho",     "vuoi",   "questo", "questa", "cosa",
                  "quale", "quali",  "carrello", "grazie", "ciao",   "anche",  "piu",    "mi",
                  "ti",    "ecco",   "nel",      "nella",  "al",     "alla",   "sul",    "puoi",
                  "posso", "ordine", "gli",      "lo",     "ancora", "scusa",  "solo",   "dell'",
                  "sulla", "tuo",    "tua",      "ora",    "dove",   "quanto", "nessun", "nessuna",
                  "fino",  "questi"}},
          {"fr", {"les",     "des",    "du",     "et",       "est",     "pour",       "avec",
                  "vous",    "votre",  "vos",    "je",       "une",     "pas",        "que",
                  "cette",   "ces",    "panier", "merci",    "bonjour", "voici",      "au",
                  "aux",     "sur",    "mais",   "commande", "nous",    "pouvez",     "souhaitez",
                  "de",      "d'un",   "d'une",  "j'ai",     "c'est",   "n'est",      "desole",
                  "quel",    "quelle", "aucun",  "aucune",   "encore",  "maintenant", "seulement",
                  "jusqu'a", "ou"}},
      };
  std::string folded = FoldForMatch(text);
  if (store != nullptr) {
    for (const std::string& product_text : store->folded_product_texts()) {
      size_t at = folded.find(product_text);
      if (at == std::string::npos) continue;
      std::string stripped;
      size_t from = 0;
      for (; at != std::string::npos; at = folded.find(product_text, from)) {
        stripped.append(folded, from, at - from);
        stripped.push_back(' ');
        from = at + product_text.size();
      }
      stripped.append(folded, from, std::string::npos);
      folded = std::move(stripped);
    }
  }
  std::vector<std::string> words;
  std::string word;
  for (char c : folded) {
    if (IsWordChar(c) || c == '\'') {
      word.push_back(c);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  if (words.size() < 3) return "";
  std::string best;
  int best_hits = 0, second_hits = 0;
  for (const auto& [lang, set] : *kWords) {
    int hits = 0;
    for (const std::string& w : words) {
      if (set.contains(w)) {
        ++hits;
      } else if (size_t apostrophe = w.find('\'');
                 apostrophe != std::string::npos && set.contains(w.substr(0, apostrophe + 1))) {
        ++hits;  // "dell'ordine"
      }
    }
    if (hits > best_hits) {
      second_hits = best_hits;
      best_hits = hits;
      best = lang;
    } else if (hits > second_hits) {
      second_hits = hits;
    }
  }
  // A clear majority of at least two function words.
  if (best_hits < 2 || best_hits < 2 * second_hits) return "";
  return best;
}

std::string LeakIn(absl::string_view text, const StoreFacts* store) {
  if (text.find('{') != absl::string_view::npos || text.find('}') != absl::string_view::npos) {
    return "an unfilled placeholder ({...})";
  }
  if (absl::StrContains(text, "chatcart.")) return "a template id (chatcart.)";
  static constexpr absl::string_view kStatusCodes[] = {"INVALID_ARGUMENT",   "FAILED_PRECONDITION",
                                                       "NOT_FOUND",          "OUT_OF_RANGE",
                                                       "PERMISSION_DENIED",  "ABORTED",
                                                       "INTERNAL",           "UNAVAILABLE",
                                                       "UNIMPLEMENTED",      "DATA_LOSS",
                                                       "RESOURCE_EXHAUSTED", "DEADLINE_EXCEEDED",
                                                       "ALREADY_EXISTS",     "UNKNOWN:"};
  for (absl::string_view code : kStatusCodes) {
    if (absl::StrContains(text, code)) return absl::StrCat("a status code (", code, ")");
  }
  // snake_case identifiers (add_line, product_id), outside links.
  for (absl::string_view token :
       absl::StrSplit(text, absl::ByAnyChar(" \t\n"), absl::SkipEmpty())) {
    if (absl::StrContains(token, "://") || absl::StartsWith(token, "www.")) continue;
    for (size_t u = token.find('_'); u != absl::string_view::npos; u = token.find('_', u + 1)) {
      bool left = u > 0 && std::islower(static_cast<unsigned char>(token[u - 1]));
      bool right = u + 1 < token.size() && std::islower(static_cast<unsigned char>(token[u + 1]));
      if (left && right) return absl::StrCat("an identifier (", token, ")");
    }
  }
  if (store != nullptr) {
    std::string folded = FoldForMatch(text);
    for (const std::string& id : store->folded_ids()) {
      if (ContainsWord(folded, id)) return absl::StrCat("a product id (", id, ")");
    }
  }
  return "";
}

}  // namespace chatcart::cli
