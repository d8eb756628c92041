// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The en/it/fr templates of the recommender's conditions, explanations and
// reasons. One row per message; every row has all three languages, so a
// missing translation cannot compile.

#include "recommend/text.h"

#include <cmath>
#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"
#include "common/strings.h"

namespace chatcart::recommend {
namespace {

struct Row {
  Msg msg;
  const char* text[3];  // en, it, fr
};

// clang-format off
constexpr Row kRows[] = {
  {Msg::kPriceLe, {"up to {v}", "fino a {v}", "jusqu'à {v}"}},
  {Msg::kPriceLt, {"under {v}", "sotto {v}", "moins de {v}"}},
  {Msg::kPriceGe, {"from {v}", "da {v}", "à partir de {v}"}},
  {Msg::kPriceGt, {"over {v}", "oltre {v}", "plus de {v}"}},
  {Msg::kPriceEq, {"at {v}", "a {v}", "à {v}"}},
  {Msg::kPriceNe, {"not at {v}", "non a {v}", "pas à {v}"}},
  {Msg::kNumLe, {"{label} at most {v}", "{label} al massimo {v}", "{label} au plus {v}"}},
  {Msg::kNumLt, {"{label} under {v}", "{label} sotto {v}", "{label} sous {v}"}},
  {Msg::kNumGe, {"{label} at least {v}", "{label} almeno {v}", "{label} au moins {v}"}},
  {Msg::kNumGt, {"{label} over {v}", "{label} oltre {v}", "{label} au-delà de {v}"}},
  {Msg::kNumEq, {"{label} {v}", "{label} {v}", "{label} {v}"}},
  {Msg::kNumNe, {"{label} other than {v}", "{label} diverso da {v}", "{label} autre que {v}"}},
  {Msg::kBrandEq, {"brand {v}", "marca {v}", "marque {v}"}},
  {Msg::kBrandNe, {"not brand {v}", "non di marca {v}", "pas de marque {v}"}},
  {Msg::kCategoryEq, {"in {v}", "in {v}", "dans {v}"}},
  {Msg::kCategoryNe, {"not in {v}", "non in {v}", "hors de {v}"}},
  {Msg::kIdEq, {"product {v}", "prodotto {v}", "produit {v}"}},
  {Msg::kIdNe, {"not product {v}", "non il prodotto {v}", "pas le produit {v}"}},
  {Msg::kAge, {"for age {v}", "per {v} anni", "pour {v} ans"}},
  {Msg::kOr, {" or ", " o ", " ou "}},
  {Msg::kAnd, {" and ", " e ", " et "}},
  {Msg::kRatingLabel, {"rating", "valutazione", "note"}},

  {Msg::kNothing, {"Nothing matches {conds}", "Nessun prodotto corrisponde a: {conds}",
                   "Aucun produit ne correspond à : {conds}"}},
  {Msg::kNoneInCatalog, {"No product in the catalog matches {conds}",
                         "Nessun prodotto del catalogo corrisponde a: {conds}",
                         "Aucun produit du catalogue ne correspond à : {conds}"}},
  {Msg::kWith, {"with {v}", "con {v}", "avec {v}"}},
  {Msg::kWithout, {"without {v}", "senza {v}", "sans {v}"}},
  {Msg::kProposalOne, {"{changes} there is 1", "{changes} ce n'è 1", "{changes}, il y en a 1"}},
  {Msg::kProposalMany, {"{changes} there are {n}", "{changes} ce ne sono {n}",
                        "{changes}, il y en a {n}"}},
  {Msg::kProposalOr, {", or ", ", oppure ", ", ou "}},
  {Msg::kEmptyCatalog, {"The catalog is empty.", "Il catalogo è vuoto.", "Le catalogue est vide."}},
  {Msg::kOnlyOne, {"{first} is the only product that fits.", "{first} è l'unico prodotto adatto.",
                   "{first} est le seul produit qui convient."}},
  {Msg::kNoAlternative, {"No real alternative to {first}: every product that fits is from {brand} "
                         "and none costs less.",
                         "Nessuna vera alternativa a {first}: tutti i prodotti adatti sono di "
                         "{brand} e nessuno costa meno.",
                         "Pas de véritable alternative à {first} : tous les produits qui "
                         "conviennent sont de {brand} et aucun ne coûte moins cher."}},
  {Msg::kNoCheaper, {"Nothing that fits costs less than {first}.",
                     "Nessun prodotto adatto costa meno di {first}.",
                     "Rien de ce qui convient ne coûte moins que {first}."}},
  {Msg::kOtherApproachHint, {"Another way: {name}.", "Un'altra soluzione: {name}.",
                             "Une autre solution : {name}."}},

  {Msg::kWithinBudget, {"{price}, {left} under your budget", "{price}, {left} sotto il tuo budget",
                        "{price}, {left} sous votre budget"}},
  {Msg::kAtBudget, {"{price}, within your budget", "{price}, nel tuo budget",
                    "{price}, dans votre budget"}},
  {Msg::kNearTarget, {"{price}, close to the {target} you had in mind",
                      "{price}, vicino ai {target} che avevi in mente",
                      "{price}, proche des {target} prévus"}},
  {Msg::kAgeRange, {"for ages {min} to {max}", "{da} {min} {a} {max} anni", "de {min} à {max} ans"}},
  {Msg::kAgeFrom, {"from age {min}", "{da} {min} anni", "dès {min} ans"}},
  {Msg::kValue, {"{label}: {value}", "{label}: {value}", "{label} : {value}"}},
  {Msg::kValueLowest, {"{label}: {value}, the lowest of the {n} that fit",
                       "{label}: {value}, il valore più basso tra i {n} adatti",
                       "{label} : {value}, le plus bas des {n} qui conviennent"}},
  {Msg::kValueHighest, {"{label}: {value}, the highest of the {n} that fit",
                        "{label}: {value}, il valore più alto tra i {n} adatti",
                        "{label} : {value}, le plus élevé des {n} qui conviennent"}},
  {Msg::kNamedValue, {"{phrase}: {label} {value}", "{phrase}: {label} {value}",
                      "{phrase} : {label} {value}"}},
  {Msg::kRatingCount, {"rated {rating}/5 by {n} reviewers", "voto {rating}/5 su {n} recensioni",
                       "noté {rating}/5 sur {n} avis"}},
  {Msg::kRatingOnly, {"rated {rating}/5", "voto {rating}/5", "noté {rating}/5"}},
  {Msg::kBestOfPicks, {"the best of these picks for {label}",
                       "il migliore di questa selezione per {label}",
                       "le meilleur de cette sélection côté {label}"}},
  {Msg::kTradeOff, {"trade-off: {label} {value} against {other} for {first}",
                    "compromesso: {label} {value} contro {other} di {first}",
                    "compromis : {label} {value} contre {other} pour {first}"}},
  {Msg::kCheaperAlt, {"a cheaper choice: {saving} less than {first}",
                      "una scelta più economica: {saving} in meno di {first}",
                      "un choix moins cher : {saving} de moins que {first}"}},
  {Msg::kOtherBrandAlt, {"another brand: {brand}", "un'altra marca: {brand}",
                         "une autre marque : {brand}"}},
  {Msg::kOtherApproachAlt, {"another way to do it: {category}", "un altro modo: {category}",
                            "une autre façon de faire : {category}"}},
  {Msg::kMerchant, {"promoted by the store: at most {cap}% of this score",
                    "promosso dal negozio: al massimo il {cap}% di questo punteggio",
                    "mis en avant par le magasin : au plus {cap} % de ce score"}},
  {Msg::kSimilar, {"similar to {ref}", "simile a {ref}", "semblable à {ref}"}},
  {Msg::kCheaperThan, {"{saving} cheaper than {ref}", "{saving} in meno di {ref}",
                       "{saving} de moins que {ref}"}},
  {Msg::kInsteadOf, {"{label}: {value} instead of {other}", "{label}: {value} invece di {other}",
                     "{label} : {value} au lieu de {other}"}},
  {Msg::kPriceLabel, {"price", "prezzo", "prix"}},
  {Msg::kBrandLabel, {"brand", "marca", "marque"}},
  {Msg::kCategoryLabel, {"category", "categoria", "catégorie"}},
  {Msg::kSimilarityLabel, {"likeness", "somiglianza", "ressemblance"}},
  {Msg::kMerchantLabel, {"store promotion", "promozione del negozio", "promotion du magasin"}},
  {Msg::kNoneAvailable, {"No product in the catalog is available (priced and in stock).",
                         "Nessun prodotto del catalogo è disponibile (con prezzo e in magazzino).",
                         "Aucun produit du catalogue n'est disponible (avec un prix et en stock)."}},
  {Msg::kAllShown, {"Every product that fits has been shown already.",
                    "Tutti i prodotti adatti sono già stati mostrati.",
                    "Tous les produits qui conviennent ont déjà été montrés."}},
  {Msg::kInStock, {"in stock", "disponibile", "en stock"}},
  {Msg::kStockLabel, {"stock", "scorte", "stock"}},
  {Msg::kSuggestCheaper, {"cheaper", "più economico", "moins cher"}},
  {Msg::kSuggestDearer, {"pricier", "più costoso", "plus cher"}},
  {Msg::kSuggestOtherBrand, {"another brand", "un'altra marca", "une autre marque"}},
  {Msg::kSuggestMore, {"more {label}", "più {label}", "plus de {label}"}},
  {Msg::kSuggestLess, {"less {label}", "meno {label}", "moins de {label}"}},
  {Msg::kAboveTarget, {"{price}, {diff} above the {target} you had in mind",
                       "{price}, {diff} sopra i {target} che avevi in mente",
                       "{price}, {diff} de plus que les {target} prévus"}},
  {Msg::kBelowTarget, {"{price}, {diff} below the {target} you had in mind",
                       "{price}, {diff} sotto i {target} che avevi in mente",
                       "{price}, {diff} de moins que les {target} prévus"}},
  {Msg::kTradeOffTarget, {"trade-off: {value} is further from the {target} you had in mind than "
                          "{other} for {first}",
                          "compromesso: {value} è più lontano dai {target} che avevi in mente di "
                          "{other} di {first}",
                          "compromis : {value} est plus loin des {target} prévus que {other} pour "
                          "{first}"}},
  {Msg::kValueLowestKnown, {"{label}: {value}, the lowest of the {n} that fit and list it",
                            "{label}: {value}, il valore più basso tra i {n} adatti che lo indicano",
                            "{label} : {value}, le plus bas des {n} qui conviennent et l'indiquent"}},
  {Msg::kValueHighestKnown, {"{label}: {value}, the highest of the {n} that fit and list it",
                             "{label}: {value}, il valore più alto tra i {n} adatti che lo indicano",
                             "{label} : {value}, le plus élevé des {n} qui conviennent et "
                             "l'indiquent"}},
  {Msg::kLadderBest, {"top of your budget: nothing from {lo} to {hi} beats it on {labels}",
                      "il massimo del tuo budget: niente da {lo} a {hi} lo supera per {labels}",
                      "le haut de votre budget : rien de {lo} à {hi} ne le surpasse en {labels}"}},
  {Msg::kLadderBetter, {"a step up: nothing cheaper that fits matches its {labels}",
                        "un gradino sopra: niente di più economico tra gli adatti lo eguaglia per "
                        "{labels}",
                        "un cran au-dessus : rien de moins cher qui convienne ne l'égale en "
                        "{labels}"}},
  {Msg::kLadderGood, {"good value: nothing cheaper that fits matches its {labels}",
                      "buon rapporto qualità-prezzo: niente di più economico tra gli adatti lo "
                      "eguaglia per {labels}",
                      "bon rapport qualité-prix : rien de moins cher qui convienne ne l'égale en "
                      "{labels}"}},
  {Msg::kLadderTop, {"near the top of your budget", "vicino al massimo del tuo budget",
                     "proche du haut de votre budget"}},
  {Msg::kLadderDearest, {"among the dearest of the {n} that fit", "tra i più cari dei {n} adatti",
                         "parmi les plus chers des {n} qui conviennent"}},
  {Msg::kLadderMiddle, {"mid-range for your budget", "fascia media per il tuo budget",
                        "milieu de gamme pour votre budget"}},
  {Msg::kLadderLowest, {"the lowest price of the {n} that fit", "il prezzo più basso tra i {n} adatti",
                        "le prix le plus bas des {n} qui conviennent"}},
  {Msg::kPriceRank, {"{price}; {k} of the {n} that fit cost less",
                     "{price}; {k} dei {n} adatti costano meno",
                     "{price} ; {k} des {n} qui conviennent coûtent moins"}},
  {Msg::kQuestion, {"To narrow down the {n} that fit: which {label}? {options}",
                    "Per restringere i {n} adatti: quale {label}? {options}",
                    "Pour affiner parmi les {n} qui conviennent : quel choix pour {label} ? "
                    "{options}"}},
  {Msg::kOptionUnder, {"under {a}", "meno di {a}", "moins de {a}"}},
  {Msg::kOptionBetween, {"{a} to {b}", "da {a} a {b}", "de {a} à {b}"}},
  {Msg::kOptionOver, {"{a} or more", "{a} o più", "{a} ou plus"}},
  {Msg::kUnknown, {"unknown", "sconosciuto", "inconnu"}},
};
// clang-format on

// The rows are in Msg order, one per message.
constexpr bool RowsInOrder() {
  for (size_t k = 0; k < sizeof kRows / sizeof kRows[0]; ++k) {
    if (static_cast<size_t>(kRows[k].msg) != k) return false;
  }
  return sizeof kRows / sizeof kRows[0] == static_cast<size_t>(Msg::kUnknown) + 1;
}
static_assert(RowsInOrder(), "kRows must list every Msg once, in declaration order");

const Row& RowOf(Msg msg) { return kRows[static_cast<int>(msg)]; }

}  // namespace

absl::StatusOr<Lang> ParseLang(std::string_view locale) {
  if (std::optional<Lang> lang = text::ParseLanguage(locale); lang.has_value()) return *lang;
  return absl::InvalidArgumentError(
      absl::StrCat("locale \"", ToAbsl(locale), "\": supported are en, it and fr"));
}

std::string Render(Lang lang, Msg msg, Args args) {
  std::string_view t = RowOf(msg).text[static_cast<int>(lang)];
  std::string out;
  out.reserve(t.size() + 32);
  for (size_t k = 0; k < t.size(); ++k) {
    if (t[k] == '{') {
      size_t close = t.find('}', k);
      std::string_view name = t.substr(k + 1, close - k - 1);
      bool found = false;
      for (const auto& [key, value] : args) {
        if (key == name) {
          out.append(value);
          found = true;
          break;
        }
      }
      if (!found) out.append(t.substr(k, close - k + 1));
      k = close;
    } else {
      out.push_back(t[k]);
    }
  }
  return out;
}

std::string ItalianPreposition(std::string_view preposition, double n) {
  // "dai 5", "dagli 8", "dagli 11", "dall'1": the article follows the sound
  // of the number's first word (otto, undici, uno).
  const std::string digits = absl::StrCat(static_cast<int64_t>(n));
  const bool one = digits == "1";
  const bool vowel = digits[0] == '8' || digits == "11";
  const bool da = preposition == "da";
  if (one) return da ? "dall'" : "all'";
  if (vowel) return da ? "dagli" : "agli";
  return da ? "dai" : "ai";
}

std::string FormatNumber(double value, Lang lang) {
  if (std::isnan(value)) return "?";
  if (value == std::floor(value) && std::abs(value) < 1e15) {
    // A whole number: what "%.2f" prints without its ".00" (no -0).
    return absl::StrCat(static_cast<int64_t>(value));
  }
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.2f", value);
  std::string s = buf;
  while (!s.empty() && s.back() == '0') s.pop_back();
  if (!s.empty() && s.back() == '.') s.pop_back();
  if (s == "-0") s = "0";
  if (lang != Lang::kEnglish) {
    for (char& c : s) {
      if (c == '.') c = ',';
    }
  }
  return s;
}

std::string FormatCount(int64_t n, Lang lang) {
  std::string digits = absl::StrCat(n < 0 ? -n : n);
  const std::string_view sep = lang == Lang::kEnglish ? "," : lang == Lang::kItalian ? "." : "\u202f";
  std::string out = n < 0 ? "-" : "";
  for (size_t k = 0; k < digits.size(); ++k) {
    if (k > 0 && (digits.size() - k) % 3 == 0) out.append(sep);
    out.push_back(digits[k]);
  }
  return out;
}

std::string FormatMoney(const Money& money, Lang lang) {
  static constexpr std::string_view kTags[] = {"en-US", "it-IT", "fr-FR"};
  absl::StatusOr<std::string> s = money.Format(kTags[static_cast<int>(lang)]);
  return s.ok() ? *s : money.ToString();
}

}  // namespace chatcart::recommend
