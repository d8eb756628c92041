// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Which product the shopper points at: an ordinal over the products shown
// ("la prima", "the second one"), "the cheaper one" among them, a name or a
// part of one ("the Lumo", "la volpe di peluche") matched against them
// first and the catalog after, "it"/"that" for the product in focus.

#include <algorithm>

#include "absl/functional/function_ref.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/strings.h"
#include "engine/commerce.h"
#include "engine/described_facts.h"
#include "engine/glossary.h"
#include "engine/product_words.h"
#include "engine/reference_words.h"

namespace chatcart::engine {

using converse::ActKind;

// The product one word of the turn, said alone, names by itself (its only
// match in `catalog` at `options`) and `accept` takes; nullopt when no word
// does. Not a word under four letters or a noun counted ("how many cups
// does it make": the cups counted, not the espresso cups).
static std::optional<ProductIndex> NamedByOneWord(
    const Catalog& catalog, const dialogue::Understanding& u, const FindOptions& options,
    absl::FunctionRef<bool(const std::string& word, ProductIndex product)> accept) {
  std::vector<std::string> named;
  for (const std::string& word : NameWords(u, &named)) {
    if (word.size() < 4 || IsCountable(PlainWord(word))) continue;
    const std::vector<NameMatch> found = catalog.FindByName(word, options);
    if (found.size() == 1 && accept(word, found[0].product)) return found[0].product;
  }
  return std::nullopt;
}

std::string CommerceExecutor::ProductTitle(std::string_view product) const {
  if (engine_.catalog == nullptr) return std::string(product);
  std::optional<ProductIndex> index = engine_.catalog->FindById(product);
  if (!index.has_value()) return std::string(product);
  return std::string(engine_.catalog->product_name(*index));
}

// Whether the text names a catalog category `product` is not in: "un caffè
// x il filtro" asks for coffee, not the paper filters its last word finds.
static bool OutsideCategorySaid(const Catalog& catalog, ProductIndex product,
                                const dialogue::Understanding& u) {
  const CategoryId mine = catalog.product(product).category;
  bool said = false;
  for (const dialogue::Entity& e : u.entities) {
    if (e.type != "category") continue;
    for (const std::string& name : {e.value.text, e.text}) {
      for (CategoryId c : catalog.FindCategories(name)) {
        said = true;
        if (mine >= c && mine < catalog.categories()[c].subtree_end) return false;
      }
    }
  }
  return said;
}

// Whether the words before a "for" ("un caffè x il filtro", "a case for my
// phone") name something `product` is not: the head of the phrase comes
// first, what follows the preposition only says what it is for.
static bool HeadNamesAnother(const Catalog& catalog, ProductIndex product,
                             const dialogue::Understanding& u) {
  static constexpr std::string_view kFor[] = {"for", "per", "x", "pour", "with", "con", "avec"};
  std::vector<std::string> head;
  bool preposition = false;
  for (const std::string& word : u.words) {
    const std::string w = PlainWord(word);
    if (std::find(std::begin(kFor), std::end(kFor), w) != std::end(kFor)) {
      preposition = true;
      break;
    }
    if (w.size() >= 3 && !NamesNoProduct(w) && !IsCommandWord(w)) head.push_back(w);
  }
  if (!preposition || head.empty()) return false;
  const std::vector<std::string> name_words = PlainWordsOf(catalog.product_name(product));
  for (const std::string& h : head) {
    for (const std::string& n : name_words) {
      if (h == n || (h.size() >= 4 && SameWord(h, n))) return false;
    }
  }
  // Its other names ("casque" for the "QuietOne ANC Headphones").
  FindOptions options;
  options.limit = 5;
  options.min_score = 0.4;
  for (const NameMatch& m : catalog.FindByName(absl::StrJoin(head, " "), options)) {
    if (catalog.product_name(m.product) == catalog.product_name(product)) return false;
  }
  return true;
}

// Whether `product`, found by the words `content`, is named by more than a
// category ("je veux un portable pour jouer" names no laptop in particular):
// the words that are no category find it by themselves, or a category word
// is part of its very name ("Sneaker Corsa").
static bool NamedBeyondCategory(const Catalog& catalog, ProductIndex product,
                                const std::vector<std::string>& content,
                                const std::vector<std::string>& named, const FindOptions& options) {
  const std::string_view name = catalog.product_name(product);
  if (!named.empty()) {
    for (const NameMatch& m : catalog.FindByName(absl::StrJoin(named, " "), options)) {
      if (catalog.product_name(m.product) == name) return true;
    }
    return false;
  }
  const std::vector<std::string> name_words = PlainWordsOf(name);
  for (const std::string& word : content) {
    const std::string w = PlainWord(word);
    for (const std::string& n : name_words) {
      if (w == n || (w.size() >= 4 && SameWord(w, n))) return true;
    }
  }
  return false;
}

std::pair<int, int> CommerceExecutor::VariantAxesNamed(const dialogue::Understanding& u,
                                                       ProductIndex product) const {
  const Catalog& catalog = *engine_.catalog;
  int axes = 0, named_axes = 0;
  for (AttributeId axis : catalog.variant_axes()) {
    std::vector<std::string> values;
    for (ProductIndex v : catalog.Variants(product)) {
      std::string value = catalog.AttributeValueText(axis, v);
      if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end()) {
        values.push_back(std::move(value));
      }
    }
    if (values.size() < 2) continue;
    ++axes;
    bool named = false;
    for (const std::string& value : ValuesSaidFor(u, axis, product, /*asked=*/false)) {
      named = named || std::find(values.begin(), values.end(), value) != values.end();
    }
    if (named) ++named_axes;
  }
  return {axes, named_axes};
}

dialogue::ProductReference CommerceExecutor::ResolveReference(const dialogue::Understanding& u,
                                                              const std::vector<std::string>& shown,
                                                              const std::vector<std::string>& seen,
                                                              std::string_view focus,
                                                              bool catalog_wide) const {
  dialogue::ProductReference ref;
  if (engine_.catalog == nullptr) return ref;
  const Catalog& catalog = *engine_.catalog;
  // Shown products that are still in the catalog (a reloaded bundle may
  // have dropped some).
  std::vector<ProductIndex> candidates;
  for (const std::string& id : shown) {
    if (std::optional<ProductIndex> i = catalog.FindById(id)) candidates.push_back(*i);
  }
  auto pick = [&](ProductIndex i, std::string said) {
    ref.pointed = true;
    ref.id = std::string(catalog.id(i));
    ref.said = std::move(said);
    if (catalog.Variants(i).size() > 1) {
      const auto [axes, named_axes] = VariantAxesNamed(u, i);
      ref.every_variant_axis = axes > 0 && named_axes == axes;
    }
  };
  // An ordinal over the products shown.
  for (const dialogue::Entity& e : u.entities) {
    if (e.type != "ordinal") continue;
    int64_t n = e.value.number;
    if (n == -1) n = static_cast<int64_t>(candidates.size());
    if (n >= 1 && n <= static_cast<int64_t>(candidates.size())) {
      pick(candidates[n - 1], e.text);
      return ref;
    }
  }
  // Products shown earlier in the conversation count for names.
  const size_t shown_count = candidates.size();
  // The cheaper / dearer / best of them.
  if (!candidates.empty() && (u.Has(ActKind::kRefCheapest) || u.Has(ActKind::kRefPriciest))) {
    const bool cheapest = u.Has(ActKind::kRefCheapest);
    std::optional<ProductIndex> best;
    for (size_t k = 0; k < shown_count; ++k) {
      const ProductIndex i = candidates[k];
      std::optional<int64_t> price = catalog.price_minor_units(i);
      if (!price.has_value()) continue;
      if (!best.has_value() || (cheapest ? *price < *catalog.price_minor_units(*best)
                                         : *price > *catalog.price_minor_units(*best))) {
        best = i;
      }
    }
    if (best.has_value()) {
      pick(*best, std::string(catalog.product_name(*best)));
      return ref;
    }
  }
  if (!candidates.empty() && u.Has(ActKind::kRefBest)) {
    pick(candidates.front(), std::string(catalog.product_name(candidates.front())));
    return ref;
  }
  // Then the products seen earlier and those in the cart ("remove the fox").
  // A product seen earlier in another variant of one shown since (the
  // 250 g bag, then the kilo) is that one.
  std::vector<std::string> more;
  for (const std::string& id : seen) {
    std::optional<ProductIndex> i = catalog.FindById(id);
    if (!i.has_value()) continue;
    const uint32_t group = catalog.product(*i).variant_group;
    const bool shown_variant =
        catalog.Variants(*i).size() > 1 &&
        std::any_of(candidates.begin(), candidates.end(),
                    [&](ProductIndex c) { return catalog.product(c).variant_group == group; });
    if (!shown_variant) more.push_back(id);
  }
  if (state_.cart.has_value()) {
    for (const CartLine& line : state_.cart->state().lines) {
      more.push_back(line.sku.empty() ? line.product_id : line.sku);
    }
  }
  for (const std::string& id : more) {
    std::optional<ProductIndex> i = catalog.FindById(id);
    if (i.has_value() && std::find(candidates.begin(), candidates.end(), *i) == candidates.end()) {
      candidates.push_back(*i);
    }
  }
  // A name or part of one, among the products shown first: the words of
  // the text that tell one of them apart ("the Lumo", "the PhotoZen 6").
  if (!candidates.empty()) {
    std::vector<std::vector<std::string_view>> names;  // computed at load
    for (ProductIndex c : candidates) names.push_back(engine_.catalog_words->NameWords(c));
    // The words of variant values said ("moulu espresso" of "un paquet de
    // guatemala 250 g moulu espresso", "les tasses à espresso") name no
    // product: not the Mélange Espresso Maison shown.
    std::vector<std::string> value_words;
    // "Does it do normal 10x15 photos?" of the printer in focus: with a word
    // pointing at it, a format said (digits in it) is what is asked about,
    // not the name of the 10x15 voucher shown beside it.
    const bool points_at_focus =
        SaysPointer(u) && std::any_of(candidates.begin(), candidates.end(),
                                      [&](ProductIndex c) { return catalog.id(c) == focus; });
    auto scores = [&]() {
      std::vector<double> score(candidates.size(), 0);
      for (const std::string& said_word : u.words) {
        const std::string w = PlainWord(said_word);
        if (std::find(value_words.begin(), value_words.end(), w) != value_words.end()) continue;
        // One-digit words count ("the photozen 6" is not the PhotoZen 10),
        // not a count ("aggiungi anche 3 confezioni di carta" with the Tank 3
        // shown).
        const bool digit =
            w.size() == 1 && w[0] >= '0' && w[0] <= '9' &&
            std::none_of(u.entities.begin(), u.entities.end(), [&](const dialogue::Entity& e) {
              return e.type == "quantity" && e.text == w;
            });
        if ((w.size() < 2 && !digit) || NamesNoProduct(w)) continue;
        if (points_at_focus &&
            std::any_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; })) {
          continue;
        }
        std::vector<size_t> hit;
        // The word, or the same word in another language ("cofanetto" of
        // the "Coffret thés du monde").
        const std::vector<std::string_view> kin = SameMeaning(w);
        for (size_t k = 0; k < names.size(); ++k) {
          for (std::string_view n : names[k]) {
            bool same = w == n || (w.size() >= 4 && n.size() >= 4 && SameWord(w, n));
            for (std::string_view other : kin) same = same || other == n;
            if (same) {
              hit.push_back(k);
              break;
            }
          }
        }
        if (hit.empty() || (hit.size() == candidates.size() && candidates.size() > 1)) continue;
        for (size_t k : hit) score[k] += 1.0 / static_cast<double>(hit.size());
      }
      return score;
    };
    std::vector<double> score = scores();
    if (*std::max_element(score.begin(), score.end()) > 0) {
      for (ProductIndex c : candidates) {
        if (catalog.Variants(c).size() < 2) continue;
        for (AttributeId axis : catalog.variant_axes()) {
          for (const std::string& value : ValuesSaidFor(u, axis, c, /*asked=*/false)) {
            for (std::string& w :
                 PlainWordsOf(catalog.attributes()[axis].ValueIn(value, u.language))) {
              value_words.push_back(std::move(w));
            }
            for (std::string& w : PlainWordsOf(value)) value_words.push_back(std::move(w));
          }
        }
      }
      if (!value_words.empty()) score = scores();
    }
    size_t best = 0;
    for (size_t k = 1; k < score.size(); ++k) {
      if (score[k] > score[best]) best = k;
    }
    size_t ties = 0;
    for (size_t k = 0; k < score.size(); ++k) ties += score[k] == score[best] ? 1 : 0;
    if (score[best] > 0 && ties == 1) {
      pick(candidates[best], std::string(catalog.product_name(candidates[best])));
      return ref;
    }
    if (score[best] > 0) {
      ref.pointed = true;
      for (size_t k = 0; k < score.size(); ++k) {
        if (score[k] == score[best]) ref.candidates.emplace_back(catalog.id(candidates[k]));
      }
    }
    // Other names (aliases, other languages: "la volpe di peluche").
    if (ref.candidates.empty() && !u.words.empty()) {
      FindOptions options;
      options.limit = 20;
      options.min_score = 0.4;
      // Its words that may name a product ("coccinelle" of "ok la
      // coccinelle alors, mettez-la dans le panier"), else all of them.
      for (const NameMatch& m : catalog.FindByName(absl::StrJoin(u.words, " "), options)) {
        for (ProductIndex c : candidates) {
          if (m.product == c) {
            pick(c, std::string(catalog.product_name(c)));
            return ref;
          }
        }
      }
      // One word of it that names one of them by itself ("coccinelle" of
      // "ok la coccinelle alors, mettez-la dans le panier").
      // Not a word of the request the classifier heard ("gift" of "can you
      // gift wrap it", "foto" of "quanto mi costa ogni foto?").
      // (The costly checks run only for a word that does name one.)
      std::optional<std::vector<std::string>> asked;
      auto request_word = [&](const std::string& word) {
        if (!asked.has_value()) {
          asked.emplace();
          if (engine_.intents != nullptr && !u.intent.empty()) {
            *asked =
                engine_.intents->IntentWords(absl::StrJoin(u.words, " "), u.intent, u.language);
          }
        }
        return std::find(asked->begin(), asked->end(), word) != asked->end();
      };
      options.min_score = 0.8;
      options.limit = 3;
      // Nor a unit counted ("ogni foto", "per photo").
      auto counted = [&](const std::string& word) {
        static constexpr std::string_view kEach[] = {"per", "par", "ogni", "each", "chaque"};
        for (size_t k = 1; k < u.words.size(); ++k) {
          if (u.words[k] == word &&
              std::find(std::begin(kEach), std::end(kEach), u.words[k - 1]) != std::end(kEach)) {
            return true;
          }
        }
        return false;
      };
      const std::optional<ProductIndex> seen_one =
          NamedByOneWord(catalog, u, options, [&](const std::string& word, ProductIndex product) {
            return std::find(candidates.begin(), candidates.end(), product) != candidates.end() &&
                   !counted(word) && !request_word(word) && !IsAttributeWord(PlainWord(word));
          });
      if (seen_one.has_value()) {
        pick(*seen_one, std::string(catalog.product_name(*seen_one)));
        return ref;
      }
    }
    if (!ref.candidates.empty()) return ref;
  }
  // A product named outright, anywhere in the catalog.
  for (const dialogue::Entity& e : u.entities) {
    if (e.type != "product") continue;
    if (std::optional<ProductIndex> i = catalog.FindById(e.value.text)) {
      pick(*i, e.text);
      // Named in full ("the quietone anc headphones"), not shown: asked about
      // as a product of the catalog, whatever search the words also fit.
      ref.from_catalog = e.confidence >= 0.9 &&
                         std::find(candidates.begin(), candidates.end(), *i) == candidates.end();
      return ref;
    }
  }
  // The words that are not about choosing, looked up in the whole catalog:
  // one clear best ("the xylophone", "2 jeux dodo", "la mallette d'art").
  auto named_in_catalog = [&]() {
    std::vector<std::string> named;
    std::vector<std::string> all_content = NameWords(u, &named);
    // "How many cups does it make?" of products shown counts cups; it
    // names none ("how many prints do i get" with nothing shown asks of
    // the voucher of 50 prints).
    std::vector<std::string> plain;
    for (const std::string& w : u.words) plain.push_back(PlainWord(w));
    const std::string counted_noun = CountedNoun(plain);
    if (!counted_noun.empty() && (shown_count > 0 || !focus.empty())) {
      auto is_counted = [&](const std::string& w) { return PlainWord(w) == counted_noun; };
      std::erase_if(all_content, is_counted);
      std::erase_if(named, is_counted);
    }
    // Then without the words of attributes and their values ("are the
    // venezia ones real leather?" names the Venezia; "leather" asks of it).
    std::vector<std::string> name_only;
    for (const std::string& word : all_content) {
      if (!IsAttributeWord(PlainWord(word))) name_only.push_back(word);
    }
    std::vector<std::vector<std::string>> tries = {all_content};
    if (!name_only.empty() && name_only.size() < all_content.size()) tries.push_back(name_only);
    // Then without the values of variant axes only: "1kg of the colombia in
    // beans" names the Colombie Huila by its origin, an attribute word too.
    std::vector<std::string> no_variant_values;
    for (const std::string& word : all_content) {
      if (!IsAttributeWord(PlainWord(word), /*axes_only=*/true)) no_variant_values.push_back(word);
    }
    std::vector<std::string> named_no_variant_values;
    size_t no_variant_try = tries.size() + 1;  // none
    if (!no_variant_values.empty() && no_variant_values.size() < all_content.size() &&
        no_variant_values.size() > name_only.size()) {
      no_variant_try = tries.size();
      tries.push_back(no_variant_values);
      for (const std::string& word : named) {
        if (!IsAttributeWord(PlainWord(word), /*axes_only=*/true)) {
          named_no_variant_values.push_back(word);
        }
      }
    }

    for (size_t t = 0; t < tries.size(); ++t) {
      const std::vector<std::string>& content = tries[t];
      if (!content.empty() && content.size() <= 6) {
        FindOptions options;
        options.limit = 3;
        options.min_score = 0.5;
        options.one_per_variant_group = true;
        std::vector<NameMatch> matches = catalog.FindByName(absl::StrJoin(content, " "), options);
        // Variant groups of one name (a colour each) are one product here.
        for (size_t k = 1; k < matches.size();) {
          if (catalog.product_name(matches[k].product) ==
              catalog.product_name(matches[0].product)) {
            matches.erase(matches.begin() + static_cast<std::ptrdiff_t>(k));
          } else {
            ++k;
          }
        }
        // One clear best: well ahead, or the whole name said ("sneaker corsa",
        // not "Sneaker Corsa Lite").
        if (!matches.empty() &&
            (matches.size() == 1 || matches[0].score >= matches[1].score + 0.15 ||
             (matches[0].score >= 0.95 && matches[1].score <= matches[0].score - 0.05)) &&
            NamedBeyondCategory(catalog, matches[0].product, content,
                                t == no_variant_try ? named_no_variant_values : named, options) &&
            !OutsideCategorySaid(catalog, matches[0].product, u) &&
            !HeadNamesAnother(catalog, matches[0].product, u) &&
            !(shown_count > 0 && u.Has(ActKind::kQuestion) &&
              NamedOnlyByAttributeWords(matches[0].product, content))) {
          pick(matches[0].product, std::string(catalog.product_name(matches[0].product)));
          ref.from_catalog = true;
          return true;
        }
      }
    }
    return false;
  };
  // "it", "that", "questo", "li prendo", "ne prendo 2": the product in
  // focus, or the only one shown.
  const bool pointer_word = SaysPointer(u) || (u.Has(ActKind::kChoose) && SaysClitic(u));
  const bool points = pointer_word || BareCommand(u);
  // A product named outright beats a pointer in a question about another:
  // "he's got a microscope on his wishlist too, do you sell those?" asks
  // of the microscope, not of the crystal lab in focus.
  if (points && catalog_wide && u.Has(ActKind::kQuestion) && !u.Has(ActKind::kChoose) &&
      (!focus.empty() || shown_count > 0)) {
    FindOptions options;
    options.limit = 4;
    options.min_score = 0.8;
    options.one_per_variant_group = true;
    const std::optional<ProductIndex> other =
        NamedByOneWord(catalog, u, options, [&](const std::string& word, ProductIndex product) {
          return !IsAttributeWord(PlainWord(word)) &&
                 std::find(candidates.begin(), candidates.end(), product) == candidates.end() &&
                 catalog.id(product) != focus;
        });
    if (other.has_value()) {
      pick(*other, std::string(catalog.product_name(*other)));
      ref.from_catalog = true;
      return ref;
    }
  }
  if (points) {
    if (!focus.empty()) {
      if (std::optional<ProductIndex> i = catalog.FindById(focus)) {
        pick(*i, std::string(catalog.product_name(*i)));
        ref.by_bare_command = !pointer_word;
        return ref;
      }
    }
    if (shown_count == 1) {
      pick(candidates.front(), std::string(catalog.product_name(candidates.front())));
      ref.by_bare_command = !pointer_word;
      return ref;
    }
  }
  if (catalog_wide && named_in_catalog()) return ref;
  // "Je prends les grises", "quanto costa la rossa?": the one product shown
  // in the colour said.
  // Not a name's: tried after the names, with nothing in focus and no other
  // word that may name a product ("prendo le corsa nere" names the Corsa).
  std::vector<std::string> unused;
  if (shown_count >= 2 && focus.empty() && (u.Has(ActKind::kChoose) || u.Has(ActKind::kQuestion)) &&
      NameWords(u, &unused).empty()) {
    for (const dialogue::Entity& e : u.entities) {
      if (e.type != "colour") continue;
      std::optional<ProductIndex> only;
      int found = 0;
      for (size_t k = 0; k < shown_count; ++k) {
        for (const AttributeInfo& info : catalog.attributes()) {
          const std::string name = absl::AsciiStrToLower(info.name);
          if (name != "colour" && name != "color" && name != "colore" && name != "couleur") {
            continue;
          }
          const std::string value =
              absl::AsciiStrToLower(catalog.AttributeValueText(info.id, candidates[k]));
          bool same = false;
          for (absl::string_view c : absl::StrSplit(e.value.text, ',', absl::SkipEmpty())) {
            same = same || value == absl::AsciiStrToLower(c);
          }
          if (same) {
            only = candidates[k];
            ++found;
            break;
          }
        }
      }
      if (found == 1) {
        pick(*only, std::string(catalog.product_name(*only)));
        return ref;
      }
    }
  }

  // Values of the variants of the product in focus, or of the one product
  // shown: "ok 250g, whole beans", "the 6 cup one", "2 black L".
  {
    std::optional<ProductIndex> held;
    if (!focus.empty()) held = catalog.FindById(focus);
    if (!held.has_value() && shown_count == 1) held = candidates.front();
    if (held.has_value() && catalog.Variants(*held).size() > 1) {
      const auto [axes, named_axes] = VariantAxesNamed(u, *held);
      if (named_axes > 0) {
        pick(*held, std::string(catalog.product_name(*held)));
        ref.by_variant = true;
        ref.every_variant_axis = named_axes == axes;
        return ref;
      }
    }
  }
  return ref;
}

bool CommerceExecutor::IsAttributeWord(const std::string& plain, bool axes_only) const {
  if (plain.size() < 3 || engine_.catalog_words == nullptr) return false;
  const CatalogWords& words = *engine_.catalog_words;
  const std::span<const AttributeId> axes = engine_.catalog->variant_axes();
  if (!axes_only && !AskedAbout(words, {plain}).empty()) return true;
  std::vector<std::string_view> forms = SameMeaning(plain);
  forms.push_back(plain);
  for (std::string_view form : forms) {
    for (uint32_t k : words.ValuesKeyed(NameKey(form))) {
      if (axes_only &&
          std::find(axes.begin(), axes.end(), words.value_names()[k].attribute) == axes.end()) {
        continue;
      }
      for (const std::vector<std::string>& name : words.value_names()[k].names) {
        if (name.size() == 1 &&
            (name.front() == form || (form.size() >= 4 && SameWord(name.front(), form)))) {
          return true;
        }
      }
    }
  }
  return false;
}

// Whether the words that find `product` by its name are all words of the
// catalog's attributes: "sono impermeabili?" about the shoes shown asks
// whether they are waterproof, not for the "Spray impermeabilizzante".
bool CommerceExecutor::NamedOnlyByAttributeWords(ProductIndex product,
                                                 const std::vector<std::string>& content) const {
  const std::vector<std::string> name_words = PlainWordsOf(engine_.catalog->product_name(product));
  bool any = false;
  for (const std::string& word : content) {
    const std::string w = PlainWord(word);
    bool in_name = false;
    for (const std::string& n : name_words) {
      in_name = in_name || w == n || (w.size() >= 4 && n.size() >= 4 && SameWord(w, n));
    }
    if (!in_name) continue;
    any = true;
    if (AskedAbout(*engine_.catalog_words, {word}).empty()) return false;
  }
  return any;
}

}  // namespace chatcart::engine
