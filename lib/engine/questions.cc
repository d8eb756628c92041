// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Questions answered from facts: about the products shown ("how's the
// battery on those?", "does it work with android?", "what sizes does it come
// in?", "what's the difference between them?", "which is cheapest to run?")
// from the catalog, every value with its unit in the session's language; and
// about the store (shipping, returns, opening hours, payment) from the cart
// policy and the bundle's own FAQ templates. What the catalog or the bundle
// does not hold is said honestly, with the offer of a person.

#include <algorithm>
#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "chatcart/v1/cart_policy.pb.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "engine/commerce.h"
#include "engine/described_facts.h"
#include "engine/glossary.h"
#include "engine/product_words.h"
#include "engine/units.h"

namespace chatcart::engine {
namespace {

using converse::ActKind;
using dialogue::TurnContext;

// Compatibility values the turn names ("android"), from its entities.
std::vector<std::string> DevicesSaid(const dialogue::Understanding& u) {
  std::vector<std::string> devices;
  for (const dialogue::Entity& e : u.entities) {
    if (e.type != "compatibility") continue;
    for (absl::string_view v : absl::StrSplit(e.value.text, ',', absl::SkipEmpty())) {
      std::string value(v);
      if (std::find(devices.begin(), devices.end(), value) == devices.end()) {
        devices.push_back(value);
      }
    }
  }
  return devices;
}

std::optional<AttributeId> CompatibilityAttribute(const Catalog& catalog) {
  for (const AttributeInfo& info : catalog.attributes()) {
    if (info.compatibility) return info.id;
  }
  return std::nullopt;
}

}  // namespace

std::string CommerceExecutor::FactText(const Asked& asked, ProductIndex i,
                                       const TurnContext& turn) const {
  const Catalog& catalog = *engine_.catalog;
  const std::string& language = turn.language();
  switch (asked.kind) {
    case Asked::kPrice: {
      Product p = catalog.product(i);
      return p.price.has_value() ? Format(*p.price, turn) : "";
    }
    case Asked::kRating: {
      Product p = catalog.product(i);
      if (!p.rating.has_value()) return "";
      return absl::StrFormat("%.1f/5", *p.rating);
    }
    case Asked::kStock: {
      Product p = catalog.product(i);
      if (!p.stock.has_value()) return RenderBuiltin(turn, "chatcart.stock_yes");
      return RenderBuiltin(turn, *p.stock > 0 ? "chatcart.stock_yes" : "chatcart.stock_no");
    }
    case Asked::kVariants: {
      // The values of the axis among the product's variants in stock.
      std::vector<std::string> values;
      for (ProductIndex v : catalog.Variants(i)) {
        Product variant = catalog.product(v);
        if (variant.stock.has_value() && *variant.stock <= 0) continue;
        std::string value = catalog.AttributeValueText(asked.attribute, v, language);
        if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end()) {
          values.push_back(value);
        }
      }
      return absl::StrJoin(values, ", ");
    }
    case Asked::kAttribute:
      if (catalog.attributes()[asked.attribute].type == AttributeType::kBool) {
        const std::string v = catalog.AttributeValueText(asked.attribute, i);
        if (v.empty()) return "";
        const bool yes = v == "yes" || v == "true" || v == "1" || v == "Yes" || v == "True";
        return RenderBuiltin(turn, yes ? "chatcart.yes" : "chatcart.no");
      }
      return LocalizedValue(catalog, asked.attribute, i, language, engine_.currency, turn.locale());
  }
  return "";
}

std::string CommerceExecutor::AskedLabel(const Asked& asked, const TurnContext& turn) const {
  switch (asked.kind) {
    case Asked::kPrice:
      return RenderBuiltin(turn, "chatcart.label_price");
    case Asked::kRating:
      return RenderBuiltin(turn, "chatcart.label_rating");
    case Asked::kStock:
      return RenderBuiltin(turn, "chatcart.label_stock");
    case Asked::kVariants:
    case Asked::kAttribute:
      return std::string(engine_.catalog->attributes()[asked.attribute].LabelIn(turn.language()));
  }
  return "";
}

// Whether plain words ask what a product is or holds ("what's in it",
// "tell me more", "cosa contiene", "il y a quoi dedans").
static bool AsksWhatItIs(const std::vector<std::string>& plain) {
  static constexpr std::string_view kWords[] = {
      "contain",    "contains",    "inside",   "describe",    "details", "detail",   "contiene",
      "contengono", "dentro",      "dettagli", "descrizione", "dedans",  "contient", "contiennent",
      "details",    "description", "included", "incluso",     "inclus",  "comprend"};
  for (size_t k = 0; k < plain.size(); ++k) {
    if (std::find(std::begin(kWords), std::end(kWords), plain[k]) != std::end(kWords)) return true;
    // "what's in it", "what is in the box", "tell me more"
    if (plain[k] == "in" && k > 0 && (plain[k - 1] == "s" || plain[k - 1] == "is") && k >= 2 &&
        plain[k - 2] == "what") {
      return true;
    }
    // "what teas are in it", "what's inside the box": a what, then "in it".
    if (plain[k] == "in" && k + 1 < plain.size() &&
        (plain[k + 1] == "it" || plain[k + 1] == "there" || plain[k + 1] == "this") &&
        std::find(plain.begin(), plain.begin() + static_cast<std::ptrdiff_t>(k), "what") !=
            plain.begin() + static_cast<std::ptrdiff_t>(k)) {
      return true;
    }
    // "whats in the world teas box?", typed without the apostrophe.
    // Not "whats in my cart".
    if (plain[k] == "in" && k > 0 && (plain[k - 1] == "whats" || plain[k - 1] == "wats") &&
        (k + 1 >= plain.size() || plain[k + 1] != "my")) {
      return true;
    }
    if (plain[k] == "more" && k > 0 && plain[k - 1] == "me" && k >= 2 && plain[k - 2] == "tell")
      return true;
    // "cosa c'è nel set?", "il y a quoi dans la boîte ?", "what comes with it"
    const std::string_view w = plain[k];
    if ((w == "nel" || w == "nella" || w == "nello" || w == "nei" || w == "negli" ||
         w == "nelle") &&
        k >= 2 && plain[k - 1] == "e" && plain[k - 2] == "c") {
      return true;
    }
    if (w == "dans" && k >= 2) {
      for (size_t j = (k >= 5 ? k - 5 : 0); j + 1 < k; ++j) {
        if (plain[j] == "y" && plain[j + 1] == "a") return true;
      }
    }
    if (w == "comes" && k + 1 < plain.size() && plain[k + 1] == "with" && k > 0 &&
        plain[k - 1] == "what") {
      return true;
    }
  }
  return false;
}

absl::StatusOr<bool> CommerceExecutor::AnswerQuestion(const dialogue::ProductQuestion& question,
                                                      TurnContext& turn) {
  if (engine_.catalog == nullptr) return false;
  const Catalog& catalog = *engine_.catalog;
  const dialogue::Understanding& u = turn.understanding();
  std::vector<ProductIndex> products;
  for (const std::string& id : question.products) {
    if (std::optional<ProductIndex> i = catalog.FindById(id)) products.push_back(*i);
  }
  if (products.empty()) return false;
  // Store questions are not about products.
  for (ActKind topic :
       {ActKind::kAskShipping, ActKind::kAskReturns, ActKind::kAskHours, ActKind::kAskPayment}) {
    if (u.Has(topic)) return false;
  }

  // "Does it work with android?"
  std::vector<std::string> devices = DevicesSaid(u);
  std::optional<AttributeId> compat = CompatibilityAttribute(catalog);
  if (!devices.empty() && compat.has_value()) {
    for (ProductIndex i : products) {
      std::span<const uint32_t> codes = catalog.list_codes(*compat, i);
      std::span<const std::string> dict = catalog.dictionary(*compat);
      std::vector<std::string> yes, no;
      for (const std::string& device : devices) {
        bool works = false;
        for (uint32_t c : codes) works = works || dict[c] == device;
        std::string label(catalog.attributes()[*compat].ValueIn(device, turn.language()));
        (works ? yes : no).push_back(label);
      }
      const std::string name(catalog.product_name(i));
      v1::Reply* reply =
          turn.Say(no.empty() ? "chatcart.works_with_yes" : "chatcart.works_with_no",
                   {{"product", name}, {"device", absl::StrJoin(no.empty() ? yes : no, ", ")}});
      // "Et pour moi un casque à réduction de bruit, ça marche avec
      // android ?": a product named outright, not shown yet, is shown.
      const std::vector<std::string>& shown = turn.last_shown();
      if (question.availability && products.size() == 1 &&
          std::find(shown.begin(), shown.end(), catalog.id(i)) == shown.end()) {
        AddProductCard(reply, i, turn);
        turn.set_last_shown({std::string(catalog.id(i))});
      }
    }
    return true;
  }

  // "Rosa ce l'hai?", "in 41?": a size or colour of the products shown.
  if (products.size() > 1 && !catalog.variant_axes().empty()) {
    for (AttributeId axis : catalog.variant_axes()) {
      std::vector<std::string> have;
      std::string value;
      for (ProductIndex i : products) {
        std::vector<std::string> said = ValuesSaidFor(u, axis, i, /*asked=*/false);
        if (said.empty()) continue;
        value = said.front();
        for (ProductIndex v : catalog.Variants(i)) {
          Product variant = catalog.product(v);
          if (catalog.AttributeValueText(axis, v) == value &&
              (!variant.stock.has_value() || *variant.stock > 0)) {
            have.emplace_back(catalog.product_name(i));
            break;
          }
        }
      }
      if (value.empty()) continue;
      const std::string shown(catalog.attributes()[axis].ValueIn(value, turn.language()));
      if (have.empty()) {
        turn.Say("chatcart.variant_none_of_these", {{"value", shown}});
      } else {
        turn.Say("chatcart.variant_some",
                 {{"value", shown}, {"products", absl::StrJoin(have, ", ")}});
      }
      return true;
    }
  }
  if (products.size() == 1 && !catalog.variant_axes().empty() &&
      catalog.Variants(products.front()).size() > 1) {
    const ProductIndex i = products.front();
    for (AttributeId axis : catalog.variant_axes()) {
      std::vector<std::string> said = ValuesSaidFor(u, axis, i, /*asked=*/false);
      // A colour it never comes in: said so, with those it does.
      if (said.empty()) said = ColoursSaidElsewhere(u, axis);
      if (said.empty()) continue;
      const std::string& value = said.front();
      // The shopper's values on the other axes ("in brown?" after size 43),
      // said now or earlier, where the product comes in them.
      std::vector<std::pair<AttributeId, std::string>> fixed;
      for (AttributeId other : catalog.variant_axes()) {
        if (other == axis) continue;
        std::vector<std::string> also = ValuesSaidFor(u, other, i, /*asked=*/false);
        const dialogue::SlotValue* slot =
            turn.SlotOfType(NamesSize(catalog.attributes()[other]) ? dialogue::SlotType::kSize
                                                                   : dialogue::SlotType::kColour);
        if (also.empty() && slot != nullptr) also.push_back(slot->text);
        // Else the value of the card shown ("hoodies, size M", then "black?").
        for (const std::string& id : turn.last_shown()) {
          if (!also.empty()) break;
          std::optional<ProductIndex> card = catalog.FindById(id);
          if (!card.has_value()) continue;
          for (ProductIndex v : catalog.Variants(i)) {
            if (v == *card) also.push_back(catalog.AttributeValueText(other, v));
          }
        }
        if (also.empty()) continue;
        for (ProductIndex v : catalog.Variants(i)) {
          if (catalog.AttributeValueText(other, v) == also.front()) {
            fixed.emplace_back(other, also.front());
            break;
          }
        }
      }
      auto fits = [&](ProductIndex v) {
        for (const auto& [other, want] : fixed) {
          if (catalog.AttributeValueText(other, v) != want) return false;
        }
        return true;
      };
      bool exists = false, in_stock = false;
      for (ProductIndex v : catalog.Variants(i)) {
        if (catalog.AttributeValueText(axis, v) != value || !fits(v)) continue;
        exists = true;
        Product variant = catalog.product(v);
        in_stock = in_stock || !variant.stock.has_value() || *variant.stock > 0;
      }
      if (!exists && !fixed.empty()) {
        // No such combination at all: judged on this axis alone.
        fixed.clear();
        for (ProductIndex v : catalog.Variants(i)) {
          if (catalog.AttributeValueText(axis, v) != value) continue;
          exists = true;
          Product variant = catalog.product(v);
          in_stock = in_stock || !variant.stock.has_value() || *variant.stock > 0;
        }
      }
      const std::string name(catalog.product_name(i));
      std::string shown(catalog.attributes()[axis].ValueIn(value, turn.language()));
      if (in_stock) {
        // Its card, the variant that also keeps the shopper's other choices.
        std::optional<ProductIndex> best;
        for (ProductIndex v : catalog.Variants(i)) {
          Product variant = catalog.product(v);
          if (catalog.AttributeValueText(axis, v) != value ||
              (variant.stock.has_value() && *variant.stock <= 0)) {
            continue;
          }
          bool keeps = true;
          for (AttributeId other : catalog.variant_axes()) {
            if (other == axis) continue;
            std::vector<std::string> also = ValuesSaidFor(u, other, i, /*asked=*/false);
            const dialogue::SlotValue* slot = turn.SlotOfType(NamesSize(catalog.attributes()[other])
                                                                  ? dialogue::SlotType::kSize
                                                                  : dialogue::SlotType::kColour);
            if (also.empty() && slot != nullptr) also.push_back(slot->text);
            if (!also.empty() && catalog.AttributeValueText(other, v) != also.front())
              keeps = false;
          }
          if (!best.has_value() || keeps) best = v;
          if (keeps) break;
        }
        if (best.has_value()) {
          std::optional<Money> price = catalog.product(*best).price;
          v1::Reply* reply = turn.Say("chatcart.variant_available",
                                      {{"product", name},
                                       {"value", shown},
                                       {"price", price.has_value() ? Format(*price, turn) : ""}});
          AddProductCard(reply, *best, turn);
          turn.set_last_shown({std::string(catalog.id(*best))});
          return true;
        }
      } else {
        for (const auto& [other, want] : fixed) {
          absl::StrAppend(&shown, ", ",
                          ToAbsl(catalog.attributes()[other].ValueIn(want, turn.language())));
        }
        std::vector<std::string> available;
        // What is in stock in the shopper's other values, else in any.
        for (bool in_fixed : {true, false}) {
          for (ProductIndex v : catalog.Variants(i)) {
            Product variant = catalog.product(v);
            if (variant.stock.has_value() && *variant.stock <= 0) continue;
            if (in_fixed && !fits(v)) continue;
            std::string other = catalog.AttributeValueText(axis, v);
            if (!other.empty() &&
                std::find(available.begin(), available.end(), other) == available.end()) {
              available.push_back(other);
            }
          }
          if (!available.empty()) break;
        }
        for (std::string& a : available)
          a = std::string(catalog.attributes()[axis].ValueIn(a, turn.language()));
        turn.Say(exists ? "chatcart.variant_sold_out" : "chatcart.variant_missing",
                 {{"product", name},
                  {"value", shown},
                  {"available", absl::StrJoin(Nearest(available, value, 4), ", ")}});
        // In focus: a variant in stock in the shopper's other values, so
        // that "ok grey then" keeps their size.
        for (ProductIndex v : catalog.Variants(i)) {
          Product variant = catalog.product(v);
          if ((variant.stock.has_value() && *variant.stock <= 0) || !fits(v)) continue;
          turn.set_focus(std::string(catalog.id(v)));
          return true;
        }
      }
      turn.set_focus(std::string(catalog.id(i)));
      return true;
    }
  }
  std::vector<Asked> asked = AskedAbout(*engine_.catalog_words, u.words);
  // "How many pieces?", "combien de perles ?", "how big is the shuttle?":
  // a number with its unit in the name or the description ("720 bricks",
  // "30 cm", "85 dB") answers before the price "combien" may ask for.
  std::vector<std::string> plain;
  for (const std::string& w : u.words) plain.push_back(PlainWord(w));
  // "Quanto è alta?": a measure asked, not the price "quanto" may ask for
  // (an attribute asked by name still answers: "is the screen big enough").
  const std::string_view measure = MeasureAsked(plain);
  const bool measured = !measure.empty();
  bool price_only = true;
  for (const Asked& a : asked) price_only = price_only && a.kind == Asked::kPrice;
  // "Quante cartucce usa?" counts what an attribute holds, not the first
  // countable noun of the description ("10x15 photos").
  bool counted_noun = false;
  for (const std::string& w : plain) counted_noun = counted_noun || IsCountable(w);
  const bool counts = AsksHowMany(plain) && (asked.empty() || counted_noun);
  if (asked.empty() || counts || (measured && price_only)) {
    std::vector<ProductIndex> said;
    for (ProductIndex i : products) {
      std::string fact = DescribedFact(i, u.words);
      if (fact.empty()) continue;
      turn.Say("chatcart.fact_described",
               {{"product", std::string(catalog.product_name(i))}, {"value", fact}});
      said.push_back(i);
    }
    if (!said.empty()) {
      // "Quanto viene grande?" said of the one puzzle shown: "mettilo nel
      // carrello" then means it.
      if (said.size() == 1) turn.set_focus(std::string(catalog.id(said.front())));
      return true;
    }
    // "Quanto pesa?" where no name or description says a weight: that,
    // not the price "quanto" may ask.
    if (measured && price_only && !asked.empty()) {
      std::vector<std::string> names;
      for (ProductIndex i : products) names.emplace_back(catalog.product_name(i));
      turn.Say(
          "chatcart.fact_unknown",
          {{"attribute", RenderBuiltin(turn, absl::StrCat("chatcart.measure_", ToAbsl(measure)))},
           {"product", absl::StrJoin(names, ", ")}});
      return true;
    }
  }
  if (question.compare && asked.empty()) return Compare(products, turn);
  if (question.availability && asked.empty() && !AsksWhatItIs(plain)) {
    // "Do you have X?": whether it can be bought now, its price, its card.
    const ProductIndex i = products.front();
    Product p = catalog.product(i);
    bool in_stock = !p.stock.has_value() || *p.stock > 0;
    for (ProductIndex v : catalog.Variants(i)) {
      Product variant = catalog.product(v);
      in_stock = in_stock || !variant.stock.has_value() || *variant.stock > 0;
    }
    v1::Reply* reply = turn.Say(in_stock ? "chatcart.have_it" : "chatcart.have_it_sold_out",
                                {{"product", std::string(p.name)},
                                 {"price", p.price.has_value() ? Format(*p.price, turn) : ""}});
    v1::ProductCard* card = reply->add_products();
    card->set_product_id(std::string(p.id));
    card->set_name(std::string(p.name));
    if (p.price.has_value()) {
      MoneyToProto(*p.price, card->mutable_price());
      card->set_price_text(Format(*p.price, turn));
    }
    card->set_image(std::string(p.image));
    card->set_url(std::string(p.url));
    turn.set_last_shown({std::string(p.id)});
    return true;
  }
  if (asked.empty() && AsksWhatItIs(plain)) {
    // "What's in it?", "cosa contiene?", "il y a quoi dedans ?": the
    // description of each (of at most three).
    bool any = false;
    for (size_t k = 0; k < products.size() && k < 3; ++k) {
      Product p = catalog.product(products[k]);
      if (p.description.empty()) continue;
      turn.Say("chatcart.product", {{"product", std::string(p.name)},
                                    {"price", p.price.has_value() ? Format(*p.price, turn) : ""},
                                    {"description", std::string(p.description)}});
      any = true;
    }
    if (any) {
      if (products.size() == 1) turn.set_focus(std::string(catalog.id(products.front())));
      return true;
    }
  }
  // "Is it wood or metal?", "è tossica?": the clause of the description
  // that holds a word of the question, where no attribute does.
  if (asked.empty() && !question.which && !question.compare) {
    if (SayDescribed(products, u.words, turn)) return true;
    // None of them says it: one of their categories' other products may.
    if (question.nearby && SayDescribed(NearbyDescribing(products, u.words), u.words, turn)) {
      return true;
    }
  }
  // "Laquelle est la moins chère ?", "which is the priciest": the price.
  if (asked.empty() && question.which &&
      (u.Has(ActKind::kRefCheapest) || u.Has(ActKind::kRefPriciest))) {
    asked.push_back({Asked::kPrice, 0});
  }
  if (asked.empty()) return false;

  if (question.which && products.size() > 1) {
    // The product with the least or most of the first thing asked.
    const Asked& a = asked.front();
    const bool least =
        AsksForLeast(u.words) || (a.kind == Asked::kPrice && !u.Has(ActKind::kRefPriciest));
    std::optional<ProductIndex> best;
    double best_value = 0;
    for (ProductIndex i : products) {
      std::optional<double> v;
      if (a.kind == Asked::kPrice) {
        if (std::optional<int64_t> p = catalog.price_minor_units(i)) v = static_cast<double>(*p);
      } else if (a.kind == Asked::kRating) {
        v = catalog.product(i).rating;
      } else if (a.kind == Asked::kAttribute &&
                 catalog.attributes()[a.attribute].type == AttributeType::kNumber) {
        v = catalog.number_column(a.attribute).Get(i);
      }
      if (!v.has_value()) continue;
      if (!best.has_value() || (least ? *v < best_value : *v > best_value)) {
        best = i;
        best_value = *v;
      }
    }
    if (best.has_value()) {
      turn.Say(least ? "chatcart.which_lowest" : "chatcart.which_highest",
               {{"product", std::string(catalog.product_name(*best))},
                {"attribute", AskedLabel(a, turn)},
                {"value", FactText(a, *best, turn)}});
      turn.set_focus(std::string(catalog.id(*best)));
      return true;
    }
  }

  // None of the facts asked is known for any of them ("how many settings?"
  // heard as the grind): their descriptions may say it ("40 réglages").
  bool any_known = false;
  for (const Asked& a : asked) {
    for (ProductIndex i : products) any_known = any_known || !FactText(a, i, turn).empty();
  }
  if (!any_known && !question.compare && SayDescribed(products, u.words, turn)) return true;
  // The facts asked, product by product.
  std::vector<ProductIndex> known;  // the products some fact was said of
  for (const Asked& a : asked) {
    std::vector<std::string> lines;
    std::vector<std::string> unknown;
    for (ProductIndex i : products) {
      std::string value = FactText(a, i, turn);
      std::string name(catalog.product_name(i));
      if (value.empty()) {
        unknown.push_back(name);
      } else {
        lines.push_back(products.size() == 1 ? value : absl::StrCat(name, ": ", value));
        if (std::find(known.begin(), known.end(), i) == known.end()) known.push_back(i);
      }
    }
    const std::string label = AskedLabel(a, turn);
    if (!lines.empty()) {
      if (products.size() == 1) {
        turn.Say(a.kind == Asked::kVariants ? "chatcart.fact_variants" : "chatcart.fact",
                 {{"product", std::string(catalog.product_name(products[0]))},
                  {"attribute", label},
                  {"value", lines[0]}});
      } else {
        turn.Say("chatcart.facts", {{"attribute", label}, {"values", absl::StrJoin(lines, "; ")}});
      }
    }
    if (!unknown.empty()) {
      turn.Say("chatcart.fact_unknown",
               {{"attribute", label}, {"product", absl::StrJoin(unknown, ", ")}});
    }
  }
  // "How high is the heel?" answered for one of the boots shown: that one
  // is what "I'll take them" then means.
  if (products.size() > 1 && known.size() == 1) {
    turn.set_focus(std::string(catalog.id(known.front())));
  }
  return true;
}

bool CommerceExecutor::Compare(const std::vector<ProductIndex>& products, TurnContext& turn) {
  const Catalog& catalog = *engine_.catalog;
  if (products.size() < 2) return false;
  std::vector<Asked> facts = {{Asked::kPrice, 0}};
  for (const AttributeInfo& info : catalog.attributes()) {
    if (info.variant_axis || info.name == "reviews" || info.name == "age_min" ||
        info.name == "age_max") {
      continue;
    }
    if (info.type == AttributeType::kString && !info.compatibility) continue;
    // Only what tells them apart.
    std::vector<std::string> values;
    for (ProductIndex i : products) {
      values.push_back(catalog.AttributeValueText(info.id, i, turn.language()));
    }
    const bool any = std::any_of(values.begin(), values.end(), [](auto& v) { return !v.empty(); });
    const bool differ =
        std::adjacent_find(values.begin(), values.end(), std::not_equal_to<>()) != values.end();
    if (any && differ) facts.push_back({Asked::kAttribute, info.id});
    if (facts.size() >= 5) break;
  }
  std::vector<std::string> rows;
  for (ProductIndex i : products) {
    std::vector<std::string> parts;
    for (const Asked& a : facts) {
      std::string value = FactText(a, i, turn);
      if (value.empty()) value = "-";
      parts.push_back(a.kind == Asked::kPrice ? value
                                              : absl::StrCat(AskedLabel(a, turn), " ", value));
    }
    rows.push_back(absl::StrCat(ToAbsl(catalog.product_name(i)), ": ", absl::StrJoin(parts, ", ")));
  }
  turn.Say("chatcart.compare", {{"rows", absl::StrJoin(rows, "\n")}});
  return true;
}

absl::StatusOr<bool> CommerceExecutor::AnswerStoreQuestion(converse::ActKind topic,
                                                           bool last_resort, TurnContext& turn) {
  std::string_view faq;
  switch (topic) {
    case ActKind::kAskShipping:
      faq = "faq_shipping";
      break;
    case ActKind::kAskReturns:
      faq = "faq_returns";
      break;
    case ActKind::kAskHours:
      faq = "faq_hours";
      break;
    case ActKind::kAskPayment:
      faq = "faq_payment";
      break;
    default:
      return false;
  }
  if (topic == ActKind::kAskShipping && engine_.cart_policy != nullptr &&
      engine_.cart_policy->proto().shipping_methods_size() > 0) {
    std::vector<std::string> methods;
    for (const v1::ShippingMethod& m : engine_.cart_policy->proto().shipping_methods()) {
      absl::StatusOr<Money> price = MoneyFromProto(m.price());
      // A bundle names its methods per language with templates
      // "shipping_<id>"; the policy's name otherwise.
      const std::string named = absl::StrCat("shipping_", m.id());
      std::string name = engine_.templates->Has(turn.locale(), named)
                             ? RenderBuiltin(turn, named)
                             : (m.name().empty() ? m.id() : m.name());
      std::string text = absl::StrCat(name, " ", price.ok() ? Format(*price, turn) : "");
      if (m.has_free_above()) {
        absl::StatusOr<Money> free = MoneyFromProto(m.free_above());
        if (free.ok()) {
          text = absl::StrCat(
              text, " ",
              RenderBuiltin(turn, "chatcart.free_above", {{"amount", Format(*free, turn)}}));
        }
      }
      methods.push_back(std::move(text));
    }
    turn.Say("chatcart.shipping_info", {{"methods", absl::StrJoin(methods, "; ")}});
    if (engine_.templates->Has(turn.locale(), faq)) turn.Say(faq);
    return true;
  }
  if (engine_.templates->Has(turn.locale(), faq)) {
    turn.Say(faq);
    return true;
  }
  if (!last_resort) return false;
  turn.Say(
      "chatcart.no_info",
      {{"topic", RenderBuiltin(turn, absl::StrCat("chatcart.topic_", ToAbsl(faq.substr(4))))}});
  turn.AddEvent("unanswered_question", {{"topic", std::string(converse::ActKindName(topic))}});
  return true;
}

std::string CommerceExecutor::RenderBuiltin(const TurnContext& turn, std::string_view id,
                                            const dialogue::TemplateArgs& args) const {
  const std::vector<dialogue::Template>* variants = engine_.templates->Find(turn.locale(), id);
  if (variants == nullptr || variants->empty()) return "";
  std::string out;
  (*variants)[0].Render(engine_.templates->Format(turn.locale()), args, &out);
  return out;
}

}  // namespace chatcart::engine
