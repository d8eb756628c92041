// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Products with variants in conversation: a product is named by its name;
// adding it asks for each axis still open (size, then colour, as the
// mapping orders them) with only the values in stock as quick replies, or
// takes them from what the shopper said ("ho il 42" earlier, "nere" now); an
// unavailable value is said plainly with the nearest ones in stock; "in
// black", "size 39 instead" change the variant of the line just added.

#include <algorithm>
#include <cmath>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/strings.h"
#include "engine/commerce.h"
#include "engine/product_words.h"

namespace chatcart::engine {

// "42", "38.5": a number as sizes are written.
std::string FormatNumberPlain(double v);

namespace {

bool InStock(const Product& p) { return !p.stock.has_value() || *p.stock > 0; }

}  // namespace

std::string SizeIn(std::string value, std::string_view unit) {
  std::string upper = absl::AsciiStrToUpper(value);
  auto number_after = [&](absl::string_view prefix) -> std::optional<double> {
    if (!absl::StartsWith(upper, prefix)) return std::nullopt;
    double n = 0;
    if (!absl::SimpleAtod(
            absl::StripAsciiWhitespace(absl::string_view(upper).substr(prefix.size())), &n)) {
      return std::nullopt;
    }
    return n;
  };
  if (std::optional<double> eu = number_after("EU")) return FormatNumberPlain(*eu);
  if (absl::AsciiStrToUpper(ToAbsl(unit)) == "EU") {
    // Brannock-style approximations (men's): EU = US + 33, EU = UK + 33.5.
    if (std::optional<double> us = number_after("US"))
      return FormatNumberPlain(std::round(*us + 33));
    if (std::optional<double> uk = number_after("UK"))
      return FormatNumberPlain(std::round(*uk + 33.5));
  }
  return value;
}

namespace {

// A measure's unit as catalogs write it: "kilo", "chili" -> "kg".
std::string_view UnitWord(std::string_view w) {
  static constexpr std::pair<std::string_view, std::string_view> kUnits[] = {
      {"kg", "kg"},         {"kgs", "kg"},         {"kilo", "kg"},        {"kilos", "kg"},
      {"chilo", "kg"},      {"chili", "kg"},       {"kilogram", "kg"},    {"kilograms", "kg"},
      {"kilogramme", "kg"}, {"kilogrammes", "kg"}, {"chilogrammo", "kg"}, {"chilogrammi", "kg"},
      {"g", "g"},           {"gr", "g"},           {"grs", "g"},          {"gram", "g"},
      {"grams", "g"},       {"gramme", "g"},       {"grammes", "g"},      {"grammo", "g"},
      {"grammi", "g"},      {"ml", "ml"},          {"cl", "cl"},          {"l", "l"},
      {"litre", "l"},       {"liter", "l"},        {"litro", "l"},        {"litri", "l"},
  };
  for (const auto& [word, unit] : kUnits) {
    if (w == word) return unit;
  }
  return {};
}

bool AllDigits(std::string_view w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::vector<std::string> WordsForValues(const std::vector<std::string>& words) {
  // Each word plain, then measures joined with their unit ("250 gr" ->
  // "250g", "1,5 kg" -> "1.5kg"; "un kilo", "a kilo" -> "1kg"), so that
  // catalog values written as one token match.
  std::vector<std::string> plain;
  plain.reserve(words.size());
  for (const std::string& w : words) plain.push_back(PlainWord(w));
  std::vector<std::string> out = plain;
  for (size_t i = 0; i < plain.size(); ++i) {
    std::string_view unit = UnitWord(plain[i]);
    // "6 cup" -> "6cup" (a value "6 cups" begins with it).
    if (i > 0 && AllDigits(plain[i - 1]) && !AllDigits(plain[i]) && unit.empty()) {
      out.push_back(absl::StrCat(plain[i - 1], plain[i]));
    }
    if (unit.empty()) {
      // "250gr", "2kilos": digits then a unit in one word.
      size_t d = 0;
      while (d < plain[i].size() && plain[i][d] >= '0' && plain[i][d] <= '9') ++d;
      if (d > 0 && d < plain[i].size()) {
        std::string_view u = UnitWord(std::string_view(plain[i]).substr(d));
        if (!u.empty()) out.push_back(absl::StrCat(plain[i].substr(0, d), ToAbsl(u)));
      }
      continue;
    }
    if (i > 0 && AllDigits(plain[i - 1])) {
      out.push_back(absl::StrCat(plain[i - 1], ToAbsl(unit)));
    } else if (unit == "kg" && (i == 0 || !AllDigits(plain[i - 1]))) {
      out.push_back("1kg");  // "a kilo", "un kilo", "kilo"
    }
  }
  return out;
}

namespace {

bool SameValue(std::string_view a, std::string_view b) {
  if (PlainWord(a) == PlainWord(b)) return true;
  double x = 0, y = 0;
  return absl::SimpleAtod(ToAbsl(a), &x) && absl::SimpleAtod(ToAbsl(b), &y) && x == y;
}

}  // namespace

std::string FormatNumberPlain(double v) {
  if (std::abs(v - std::round(v)) < 1e-9 && std::abs(v) < 1e15) {
    return absl::StrCat(static_cast<int64_t>(std::llround(v)));
  }
  return absl::StrCat(v);
}

// The value of axis `a` of product `i`, as the catalog holds it.
std::string CommerceExecutor::AxisValue(AttributeId a, ProductIndex i) const {
  return engine_.catalog->AttributeValueText(a, i);
}

namespace {

// The amount of a measure value in its base unit ("250g" 250, "1kg" 1000,
// "75 cl" 750, "6" 6); nullopt when `value` is no number with a known unit.
std::optional<double> MeasureOf(std::string_view value) {
  size_t end = 0;
  while (end < value.size() && (absl::ascii_isdigit(static_cast<unsigned char>(value[end])) ||
                                value[end] == '.' || value[end] == ',')) {
    ++end;
  }
  std::string number(value.substr(0, end));
  std::replace(number.begin(), number.end(), ',', '.');
  double amount = 0;
  if (end == 0 || !absl::SimpleAtod(number, &amount)) return std::nullopt;
  std::string unit = absl::AsciiStrToLower(absl::StripAsciiWhitespace(ToAbsl(value.substr(end))));
  struct Scale {
    std::string_view unit;
    double factor;
  };
  static constexpr Scale kScales[] = {{"", 1},     {"g", 1},   {"gr", 1},   {"kg", 1000},
                                      {"ml", 1},   {"cl", 10}, {"l", 1000}, {"cm", 1},
                                      {"mm", 0.1}, {"m", 100}, {"gb", 1},   {"tb", 1000}};
  for (const Scale& scale : kScales) {
    if (unit == scale.unit) return amount * scale.factor;
  }
  return std::nullopt;
}

}  // namespace

std::vector<std::string> CommerceExecutor::ColoursSaidElsewhere(const dialogue::Understanding& u,
                                                                AttributeId axis) const {
  const Catalog& catalog = *engine_.catalog;
  const AttributeInfo& info = catalog.attributes()[axis];
  std::vector<std::string> out;
  if (NamesSize(info) ||
      (info.type != AttributeType::kEnum && info.type != AttributeType::kString)) {
    return out;
  }
  for (const dialogue::Entity& e : u.entities) {
    if (e.type != "colour") continue;
    for (absl::string_view piece : absl::StrSplit(e.value.text, ',', absl::SkipEmpty())) {
      const std::string one(piece);
      for (const std::string& value : catalog.dictionary(axis)) {
        bool match = SameValue(one, value);
        auto labels = info.value_labels.find(absl::AsciiStrToLower(value));
        if (!match && labels != info.value_labels.end()) {
          for (const auto& [language, label] : labels->second)
            match = match || SameValue(one, label);
        }
        if (match && std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
      }
    }
  }
  return out;
}

std::vector<std::string> CommerceExecutor::ValuesSaidFor(const dialogue::Understanding& u,
                                                         AttributeId axis, ProductIndex product,
                                                         bool asked) const {
  const Catalog& catalog = *engine_.catalog;
  const AttributeInfo& info = catalog.attributes()[axis];
  std::vector<std::string> known;
  for (ProductIndex v : catalog.Variants(product)) {
    std::string value = AxisValue(axis, v);
    if (!value.empty() && std::find(known.begin(), known.end(), value) == known.end()) {
      known.push_back(value);
    }
  }
  std::vector<std::string> said;
  auto add = [&](std::string value) {
    if (std::find(said.begin(), said.end(), value) == said.end()) said.push_back(std::move(value));
  };
  const bool sizes = NamesSize(info);
  for (const dialogue::Entity& e : u.entities) {
    if (e.type == "size" && sizes) {  // "38 o 39": one entity, "38,39"
      for (absl::string_view one :
           absl::StrSplit(e.value.text.empty() ? e.text : e.value.text, ',', absl::SkipEmpty())) {
        add(SizeIn(std::string(one), info.unit));
      }
    }
    if (e.type == "colour" && !sizes) {
      for (absl::string_view one : absl::StrSplit(e.value.text, ',', absl::SkipEmpty())) {
        add(std::string(one));
      }
    }
    // A bare number answers "which size?" ("42", "ho il 42") where sizes
    // are numbers (not "2 pairs" to "S, M or L?").
    const bool numeric_sizes = std::any_of(known.begin(), known.end(), [](const std::string& v) {
      double n = 0;
      return absl::SimpleAtod(ToAbsl(v), &n);
    });
    // Unasked, a number the catalog sells as a size ("do they come in a
    // 46?", "ok the 45 then").
    if ((e.type == "number" || e.type == "quantity") && sizes && numeric_sizes &&
        (asked || (e.type == "number" &&
                   IsCatalogSize(FormatNumberPlain(static_cast<double>(e.value.number)))))) {
      add(FormatNumberPlain(static_cast<double>(e.value.number)));
    }
  }
  // The axis's own values named as words ("nero", "navy", "M"), directly or
  // through the mapping's value labels; written apart ("1 kg", "250 gr") or
  // by a word of a label no other value's label has ("grains" of "en
  // grains", "filtre" of "moulu filtre").
  // Words of the product's own name name no value ("Mélange Espresso
  // Maison" says no espresso grind) unless said again.
  std::vector<std::string> said_words = WordsForValues(u.words);
  for (const std::string& name_word : PlainWordsOf(catalog.product_name(product))) {
    auto it = std::find(said_words.begin(), said_words.end(), name_word);
    if (it != said_words.end()) said_words.erase(it);
  }
  std::vector<std::vector<std::string>> names_of(known.size());
  for (size_t k = 0; k < known.size(); ++k) {
    names_of[k] = {known[k]};
    auto labels = info.value_labels.find(absl::AsciiStrToLower(known[k]));
    if (labels != info.value_labels.end()) {
      for (const auto& [language, label] : labels->second) names_of[k].push_back(label);
    }
  }
  auto distinctive = [&](size_t k, const std::string& word) {
    if (word.size() < 4 ||
        std::all_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; })) {
      return false;
    }
    for (size_t o = 0; o < known.size(); ++o) {
      if (o == k) continue;
      for (const std::string& name : names_of[o]) {
        for (const std::string& w : PlainWordsOf(name)) {
          if (w == word) return false;
        }
      }
    }
    return true;
  };
  for (size_t k = 0; k < known.size(); ++k) {
    for (const std::string& name : names_of[k]) {
      std::string plain = PlainWord(name);
      if (plain.size() < 2 && !asked) continue;
      for (const std::string& w : said_words) {
        if (!w.empty() && (w == plain || (plain.size() >= 4 && SameWord(w, plain)))) add(known[k]);
      }
      const std::vector<std::string> label_words = PlainWordsOf(name);
      if (label_words.size() < 2) continue;
      for (const std::string& lw : label_words) {
        if (!distinctive(k, lw)) continue;
        for (const std::string& w : said_words) {
          if (w == lw) add(known[k]);
        }
      }
    }
  }
  // Colour entities are canonical English names; the catalog may hold them in
  // another language: keep only what the catalog knows, mapped to its value.
  std::vector<std::string> out;
  for (const std::string& s : said) {
    for (const std::string& value : known) {
      bool match = SameValue(s, value);
      auto labels = info.value_labels.find(absl::AsciiStrToLower(value));
      if (!match && labels != info.value_labels.end()) {
        for (const auto& [language, label] : labels->second) match = match || SameValue(s, label);
      }
      if (match && std::find(out.begin(), out.end(), value) == out.end()) out.push_back(value);
    }
    if (std::none_of(known.begin(), known.end(),
                     [&](const std::string& v) { return SameValue(s, v); }) &&
        std::find(out.begin(), out.end(), s) == out.end() && sizes) {
      out.push_back(s);  // a size the product does not come in: said so later
    }
  }
  // "Ne prendo 2 da 250": a bare number that is the number of one value of
  // an axis of measures ("250g"), not a count.
  if (out.empty() && !sizes && known.size() >= 2) {
    for (const dialogue::Entity& e : u.entities) {
      if (e.type != "number" || e.value.number <= 0) continue;
      for (const std::string& value : known) {
        size_t end = 0;
        while (end < value.size() && absl::ascii_isdigit(static_cast<unsigned char>(value[end]))) {
          ++end;
        }
        int64_t n = 0;
        if (end > 0 && end < value.size() && MeasureOf(value).has_value() &&
            absl::SimpleAtoi(ToAbsl(std::string_view(value).substr(0, end)), &n) &&
            n == e.value.number && std::find(out.begin(), out.end(), value) == out.end()) {
          out.push_back(value);
        }
      }
    }
  }
  // "La confezione grande", "the small bag", "le grand paquet": the most or
  // least of an axis of measures ("100g", "250g", "1kg"), not of sizes.
  if (out.empty() && !sizes && known.size() >= 2) {
    static constexpr std::string_view kBig[] = {"grande",  "grandi", "grand",  "grands",
                                                "grosse",  "gros",   "big",    "bigger",
                                                "biggest", "large",  "larger", "largest"};
    static constexpr std::string_view kSmall[] = {"piccola", "piccolo", "piccole",  "piccoli",
                                                  "petit",   "petite",  "petits",   "petites",
                                                  "small",   "smaller", "smallest", "mini"};
    bool big = false, small = false;
    for (const std::string& word : u.words) {
      const std::string w = PlainWord(word);
      big = big || std::find(std::begin(kBig), std::end(kBig), w) != std::end(kBig);
      small = small || std::find(std::begin(kSmall), std::end(kSmall), w) != std::end(kSmall);
    }
    if (big != small) {
      std::optional<size_t> best;
      double best_amount = 0;
      for (size_t k = 0; k < known.size(); ++k) {
        std::optional<double> amount = MeasureOf(known[k]);
        if (!amount.has_value()) return out;  // not an axis of measures
        if (!best.has_value() || (big ? *amount > best_amount : *amount < best_amount)) {
          best = k;
          best_amount = *amount;
        }
      }
      if (best.has_value()) out.push_back(known[*best]);
    }
  }
  return out;
}

bool CommerceExecutor::InCart(std::string_view product) const {
  if (!state_.cart.has_value()) return false;
  std::optional<uint32_t> group;
  if (engine_.catalog != nullptr) {
    if (std::optional<ProductIndex> i = engine_.catalog->FindById(product)) {
      if (engine_.catalog->Variants(*i).size() > 1)
        group = engine_.catalog->product(*i).variant_group;
    }
  }
  for (const CartLine& line : state_.cart->state().lines) {
    if (line.product_id == product || line.sku == product) return true;
    if (!group.has_value()) continue;
    std::optional<ProductIndex> j =
        engine_.catalog->FindById(line.sku.empty() ? line.product_id : line.sku);
    if (j.has_value() && engine_.catalog->product(*j).variant_group == *group) return true;
  }
  return false;
}

bool CommerceExecutor::IsCatalogSize(std::string_view value) const {
  if (engine_.catalog == nullptr) return false;
  const Catalog& catalog = *engine_.catalog;
  for (AttributeId axis : catalog.variant_axes()) {
    if (!NamesSize(catalog.attributes()[axis])) continue;
    for (const std::string& size : catalog.dictionary(axis)) {  // enum values, once each
      if (SameValue(size, value)) return true;
    }
  }
  return false;
}

bool CommerceExecutor::NamesSize(const AttributeInfo& info) const {
  if (engine_.catalog_words != nullptr) return engine_.catalog_words->NamesSize(info.id);
  return engine::NamesSize(info);
}

bool CommerceExecutor::TakeVariantAnswer(const dialogue::Understanding& u,
                                         dialogue::VariantChoice* choice) const {
  if (engine_.catalog == nullptr || choice->asking.empty()) return false;
  std::optional<ProductIndex> product = engine_.catalog->FindById(choice->product);
  std::optional<AttributeId> axis = engine_.catalog->FindAttribute(choice->asking);
  if (!product.has_value() || !axis.has_value()) return false;
  std::vector<std::string> said = ValuesSaidFor(u, *axis, *product, /*asked=*/true);
  if (said.empty()) return false;
  choice->chosen.emplace_back(choice->asking, said.front());
  choice->asking.clear();
  return true;
}

std::optional<ProductIndex> CommerceExecutor::ResolveVariant(ProductIndex product,
                                                             dialogue::TurnContext& turn) {
  const Catalog& catalog = *engine_.catalog;
  std::span<const ProductIndex> group = catalog.Variants(product);
  if (group.size() <= 1 || catalog.variant_axes().empty()) return product;
  dialogue::VariantChoice& choice = turn.variant_choice();
  const bool same_group = !choice.product.empty() && catalog.FindById(choice.product).has_value() &&
                          catalog.product(*catalog.FindById(choice.product)).variant_group ==
                              catalog.product(product).variant_group;
  if (!same_group) {
    choice = dialogue::VariantChoice{};
    choice.product = std::string(catalog.id(product));
    // A card the shopper saw is that variant: its values stand unless the
    // turn names others.
    const std::vector<std::string>& shown = turn.last_shown();
    const bool from_card = std::find(shown.begin(), shown.end(), choice.product) != shown.end();
    // What the shopper said before or now: a size or colour slot, this
    // turn's words.
    for (AttributeId axis : catalog.variant_axes()) {
      const std::string& name = catalog.attributes()[axis].name;
      std::vector<std::string> said =
          ValuesSaidFor(turn.understanding(), axis, product, /*asked=*/false);
      const dialogue::SlotValue* slot =
          turn.SlotOfType(NamesSize(catalog.attributes()[axis]) ? dialogue::SlotType::kSize
                                                                : dialogue::SlotType::kColour);
      if (said.empty() && slot != nullptr) {
        dialogue::Understanding from_slot;
        from_slot.words = {slot->text};
        from_slot.entities.push_back({});
        from_slot.entities.back().type = NamesSize(catalog.attributes()[axis]) ? "size" : "colour";
        from_slot.entities.back().value.text = slot->text;
        said = ValuesSaidFor(from_slot, axis, product, /*asked=*/true);
        // A size said for something else (the shoes' 42, the hoodie's M)
        // is no size of a product that does not come in it (a cap).
        said.erase(std::remove_if(said.begin(), said.end(),
                                  [&](const std::string& value) {
                                    for (ProductIndex v : catalog.Variants(product)) {
                                      if (AxisValue(axis, v) == value) return false;
                                    }
                                    return true;
                                  }),
                   said.end());
      }
      if (said.empty() && from_card) said.push_back(AxisValue(axis, product));
      if (!said.empty()) choice.chosen.emplace_back(name, said.front());
    }
  }
  // The variants that keep every value chosen ("*": any).
  auto matches = [&](ProductIndex v, size_t upto) {
    for (size_t k = 0; k < upto && k < choice.chosen.size(); ++k) {
      const auto& [axis_name, value] = choice.chosen[k];
      if (value == "*") continue;
      std::optional<AttributeId> axis = catalog.FindAttribute(axis_name);
      if (axis.has_value() && !SameValue(AxisValue(*axis, v), value)) return false;
    }
    return true;
  };
  for (size_t k = 0; k < choice.chosen.size(); ++k) {
    // A value this product does not have, or not in stock: say so, with the
    // nearest in stock, and ask that axis again.
    bool any = false;
    for (ProductIndex v : group) any = any || (matches(v, k + 1) && InStock(catalog.product(v)));
    if (any) continue;
    const auto [axis_name, value] = choice.chosen[k];
    choice.chosen.resize(k);
    std::optional<AttributeId> axis = catalog.FindAttribute(axis_name);
    if (!axis.has_value()) break;
    std::vector<std::string> available = AvailableValues(*axis, group, matches, k);
    // An init-capture: clang before 16 cannot capture a structured binding.
    const bool exists = std::any_of(
        group.begin(), group.end(),
        [&, &value = value](ProductIndex v) { return SameValue(AxisValue(*axis, v), value); });
    turn.Say(exists ? "chatcart.variant_sold_out" : "chatcart.variant_missing",
             {{"product", std::string(catalog.product_name(product))},
              {"value", value},
              {"available", absl::StrJoin(Nearest(available, value, 3), ", ")}});
    AskAxis(*axis, product, available, turn);
    return std::nullopt;
  }
  std::vector<ProductIndex> left;
  for (ProductIndex v : group) {
    if (matches(v, choice.chosen.size()) && InStock(catalog.product(v))) left.push_back(v);
  }
  if (left.empty()) {
    turn.Say("chatcart.out_of_stock", {{"available", int64_t{0}}});
    choice = dialogue::VariantChoice{};
    return std::nullopt;
  }
  if (left.size() == 1) {
    choice = dialogue::VariantChoice{};
    return left.front();
  }
  // The first axis on which what is left still differs.
  for (AttributeId axis : catalog.variant_axes()) {
    std::vector<std::string> values;
    for (ProductIndex v : left) {
      std::string value = AxisValue(axis, v);
      if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end()) {
        values.push_back(value);
      }
    }
    if (values.size() > 1) {
      turn.Say("chatcart.ask_variant",
               {{"product", std::string(catalog.product_name(product))},
                {"attribute", std::string(catalog.attributes()[axis].LabelIn(turn.language()))}});
      AskAxis(axis, product, values, turn);
      return std::nullopt;
    }
  }
  choice = dialogue::VariantChoice{};
  return left.front();  // they differ on nothing the shopper chooses
}

std::vector<std::string> CommerceExecutor::AvailableValues(
    AttributeId axis, std::span<const ProductIndex> group,
    const std::function<bool(ProductIndex, size_t)>& matches, size_t upto) const {
  std::vector<std::string> values;
  for (ProductIndex v : group) {
    if (!matches(v, upto) || !InStock(engine_.catalog->product(v))) continue;
    std::string value = AxisValue(axis, v);
    if (!value.empty() && std::find(values.begin(), values.end(), value) == values.end()) {
      values.push_back(value);
    }
  }
  return values;
}

std::vector<std::string> CommerceExecutor::Nearest(std::vector<std::string> values,
                                                   std::string_view to, size_t n) const {
  double target = 0;
  if (absl::SimpleAtod(ToAbsl(to), &target)) {
    std::stable_sort(values.begin(), values.end(), [&](const std::string& a, const std::string& b) {
      double x = 0, y = 0;
      const bool xa = absl::SimpleAtod(a, &x), yb = absl::SimpleAtod(b, &y);
      if (xa != yb) return xa;
      return std::abs(x - target) < std::abs(y - target);
    });
  }
  if (values.size() > n) values.resize(n);
  return values;
}

void CommerceExecutor::AskAxis(AttributeId axis, ProductIndex product,
                               const std::vector<std::string>& values,
                               dialogue::TurnContext& turn) {
  const Catalog& catalog = *engine_.catalog;
  dialogue::VariantChoice& choice = turn.variant_choice();
  choice.product = std::string(catalog.id(product));
  choice.asking = catalog.attributes()[axis].name;
  v1::Reply* reply = turn.LastReply();
  // "Vorrei del tè nero, earl grey": the product asked about is shown with
  // the question when no card of it is on screen.
  bool on_screen = false;
  for (const std::string& id : turn.last_shown()) {
    const std::optional<ProductIndex> shown = catalog.FindById(id);
    on_screen = on_screen || (shown.has_value() &&
                              catalog.product_name(*shown) == catalog.product_name(product));
  }
  if (!on_screen && reply->products_size() == 0) {
    AddProductCard(reply, product, turn);
    turn.set_last_shown({std::string(catalog.id(product))});
  }
  for (const std::string& value : values) {
    if (reply->quick_replies_size() >= 13) break;
    v1::QuickReplyOption* option = reply->add_quick_replies();
    option->set_title(std::string(catalog.attributes()[axis].ValueIn(value, turn.language())));
    option->set_payload(absl::StrCat("variant:", value));
  }
  turn.Suspend();
}

std::string CommerceExecutor::VariantText(ProductIndex i, std::string_view language) const {
  const Catalog& catalog = *engine_.catalog;
  if (catalog.Variants(i).size() <= 1) return "";
  std::vector<std::string> parts;
  for (AttributeId axis : catalog.variant_axes()) {
    std::string value = catalog.AttributeValueText(axis, i, language);
    if (!value.empty()) parts.push_back(std::move(value));
  }
  return absl::StrJoin(parts, ", ");
}

std::optional<absl::Status> CommerceExecutor::ChangeLineVariant(dialogue::TurnContext& turn) {
  if (engine_.catalog == nullptr || !state_.cart.has_value() ||
      state_.cart->state().lines.empty() || engine_.catalog->variant_axes().empty()) {
    return std::nullopt;
  }
  const Catalog& catalog = *engine_.catalog;
  // The line of the product in focus, else the last one.
  const CartLine* line = nullptr;
  for (const CartLine& l : state_.cart->state().lines) {
    const std::string& id = l.sku.empty() ? l.product_id : l.sku;
    if (id == turn.focus() || l.product_id == turn.focus()) line = &l;
  }
  if (line == nullptr) return std::nullopt;
  std::optional<ProductIndex> current =
      catalog.FindById(line->sku.empty() ? line->product_id : line->sku);
  if (!current.has_value() || catalog.Variants(*current).size() <= 1) return std::nullopt;
  // Wanted: the current values with what the turn names changed.
  std::vector<std::pair<AttributeId, std::string>> wanted;
  bool changed = false;
  for (AttributeId axis : catalog.variant_axes()) {
    std::vector<std::string> said =
        ValuesSaidFor(turn.understanding(), axis, *current, /*asked=*/false);
    std::string now = AxisValue(axis, *current);
    if (!said.empty() && !SameValue(said.front(), now)) {
      wanted.emplace_back(axis, said.front());
      changed = true;
    } else {
      wanted.emplace_back(axis, now);
    }
  }
  if (!changed) return std::nullopt;
  std::optional<ProductIndex> target;
  for (ProductIndex v : catalog.Variants(*current)) {
    bool all = true;
    for (const auto& [axis, value] : wanted) all = all && SameValue(AxisValue(axis, v), value);
    if (all) target = v;
  }
  const uint32_t line_id = line->line_id;
  const std::string name(catalog.product_name(*current));
  if (!target.has_value() || !InStock(catalog.product(*target))) {
    // Not made, or not in stock: say so with what is.
    for (const auto& [axis, value] : wanted) {
      if (SameValue(value, AxisValue(axis, *current))) continue;
      auto keep_others = [&, &axis = axis](ProductIndex v, size_t) {
        for (const auto& [other, other_value] : wanted) {
          if (other != axis && !SameValue(AxisValue(other, v), other_value)) return false;
        }
        return true;
      };
      std::vector<std::string> available =
          AvailableValues(axis, catalog.Variants(*current), keep_others, 0);
      turn.Say(target.has_value() ? "chatcart.variant_sold_out" : "chatcart.variant_missing",
               {{"product", name},
                {"value", value},
                {"available", absl::StrJoin(Nearest(available, value, 3), ", ")}});
    }
    return absl::OkStatus();
  }
  commands::ChangeVariant change;
  change.line_id = line_id;
  change.sku = std::string(catalog.id(*target));
  absl::StatusOr<ApplyResult> result = Apply(std::move(change), turn);
  if (!result.ok()) {
    SayFailure(result.status(), turn);
    return absl::OkStatus();
  }
  absl::StatusOr<CartTotals> totals = state_.cart->Totals();
  if (!totals.ok()) return totals.status();
  v1::Reply* reply =
      turn.Say("chatcart.variant_changed", {{"product", name},
                                            {"variant", VariantText(*target, turn.language())},
                                            {"total", Format(totals->grand_total, turn)}});
  AttachCartSummary(reply, turn);
  turn.set_focus(std::string(catalog.id(*target)));
  return absl::OkStatus();
}

}  // namespace chatcart::engine
