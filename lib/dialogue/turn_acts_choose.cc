// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The conversation acts that choose products for the cart: the product a
// reference or a name points at goes through the bundle's add-to-cart
// flow, with the others the text chooses with it ("la première et le
// papier") and the count said first ("2 petits paquets de camomille").

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "dialogue/turn_runner.h"
#include "text/tokenize.h"

namespace chatcart::dialogue {
namespace {

using converse::ActKind;

// "2 petits paquets de camomille", "+ 1 infuseur", "ok two of the small
// ones then", "e 1 set da calcio": a number first (after an "ok", "and" or
// "+") asks for what follows. It is a count unless a unit follows it ("1 kg
// en grains", "250 g moulu" name a bag): then *count stays 0.
const Entity* LeadingCount(const Understanding& u, int64_t* count = nullptr) {
  // Words before the count: "ok", "and", and adding to the cart ("metti nel
  // carrello 3 razzi", "add 2 to my cart").
  static constexpr std::string_view kLead[] = {
      "ok",      "okay",  "and",      "et",     "e",       "then",   "alors",   "allora", "plus",
      "just",    "juste", "solo",     "so",     "donc",    "anche",  "also",    "aussi",  "puis",
      "add",     "put",   "aggiungi", "metti",  "mettimi", "ajoute", "ajoutez", "mets",   "mettez",
      "rajoute", "nel",   "carrello", "in",     "the",     "my",     "cart",    "au",     "panier",
      "dans",    "mon",   "le",       "please", "pls",     "mi",     "me",      "moi"};
  static constexpr std::string_view kUnits[] = {
      "g",     "gr",    "grs",   "gram",  "grams", "grammes", "grammi", "kg",    "kgs",
      "kilo",  "kilos", "chilo", "chili", "ml",    "cl",      "l",      "litre", "litres",
      "liter", "cm",    "mm",    "m",     "in",    "inch",    "inches", "h",     "go",
      "gb",    "to",    "tb",    "mah",   "w",     "mp"};
  if (count != nullptr) *count = 0;
  size_t first = 0;
  while (first < u.words.size() && first < 4 &&
         std::find(std::begin(kLead), std::end(kLead), u.words[first]) != std::end(kLead)) {
    ++first;
  }
  if (first >= u.words.size()) return nullptr;
  // "Ok 12 is fine", "12 va bene": an amount agreed to, not a count.
  static constexpr std::string_view kAgreed[] = {"is", "s", "va", "ca", "ça", "c'est", "sounds"};
  if (first + 1 < u.words.size() &&
      std::find(std::begin(kAgreed), std::end(kAgreed), u.words[first + 1]) != std::end(kAgreed)) {
    return nullptr;
  }
  for (const Entity& e : u.entities) {
    if ((e.type != "number" && e.type != "quantity") || e.text != u.words[first]) continue;
    const bool unit =
        first + 1 < u.words.size() &&
        std::find(std::begin(kUnits), std::end(kUnits), u.words[first + 1]) != std::end(kUnits);
    if (count != nullptr && !unit && e.value.number > 0) *count = e.value.number;
    return &e;
  }
  return nullptr;
}

}  // namespace

// ---------------------------------------------------------------- choosing

bool TurnRunner::EditsCart(std::string_view intent, bool quantity_only) const {
  const int flow = intent.empty() ? -1 : graph_.FlowTriggeredBy(intent);
  if (flow < 0) return false;
  for (const StateSpec& state : graph_.flow(flow).states) {
    for (const v1::Action& action : state.proto->action()) {
      if (action.has_change_quantity() || (!quantity_only && action.has_remove_from_cart())) {
        return true;
      }
    }
  }
  return false;
}

std::optional<absl::Status> TurnRunner::CountOfProductNotInCart() {
  const Understanding& u = turn_.understanding();
  const bool count = std::any_of(u.entities.begin(), u.entities.end(), [](const Entity& e) {
    return e.type == "quantity" && e.value.number > 0;
  });
  if (!count) return std::nullopt;
  // The product named, else the one in focus among those just shown, else
  // the only one shown.
  std::string product = reference_.id;
  if (product.empty() && !state_.focus.empty() &&
      std::find(state_.last_shown.begin(), state_.last_shown.end(), state_.focus) !=
          state_.last_shown.end()) {
    product = state_.focus;
  }
  if (product.empty() && state_.last_shown.size() == 1) product = state_.last_shown.front();
  if (product.empty() || executor_.InCart(product)) return std::nullopt;
  Note(absl::StrCat("a count of ", product, ", which the cart does not hold: added"));
  return ChooseProduct(product);
}

int TurnRunner::AddFlow(std::string* product_slot) const {
  for (int f = 0; f < graph_.flow_count(); ++f) {
    for (const StateSpec& state : graph_.flow(f).states) {
      for (const v1::Action& action : state.proto->action()) {
        if (action.has_add_to_cart() && !action.add_to_cart().product_slot().empty()) {
          *product_slot = action.add_to_cart().product_slot();
          return f;
        }
      }
    }
  }
  return -1;
}

void TurnRunner::FillLeadingCount(const FlowSpec& flow) {
  // "2 petits paquets de camomille", "metti nel carrello 3 razzi": the count
  // said first is the quantity to add.
  int64_t count = 0;
  if (!SaysCount(&count) || count <= 0) return;
  for (const StateSpec& state : flow.states) {
    for (const v1::Action& action : state.proto->action()) {
      const std::string& quantity = action.add_to_cart().quantity_slot();
      if (!action.has_add_to_cart() || quantity.empty() || turn_.Slot(quantity) != nullptr) {
        continue;
      }
      SlotValue value;
      value.type = SlotType::kQuantity;
      value.number = count;
      value.display = absl::StrCat(count);
      turn_.SetSlot(quantity, std::move(value));
    }
  }
}

bool TurnRunner::SaysCount(int64_t* count) const {
  // "ok 39 then, add it": a size the catalog sells is no count.
  const Entity* e = LeadingCount(turn_.understanding(), count);
  if (e != nullptr && executor_.IsCatalogSize(e->text)) {
    if (count != nullptr) *count = 0;
    return false;
  }
  return e != nullptr;
}

std::optional<absl::Status> TurnRunner::ChooseProduct(const std::string& product) {
  std::string slot;
  const int flow = AddFlow(&slot);
  if (flow < 0) return std::nullopt;
  state_.focus = product;
  Note(absl::StrCat("chose ", product, " (", reference_.said, ")"));
  state_.misunderstood = 0;
  if (Top().flow == flow) state_.stack.pop_back();
  FlowFrame frame;
  frame.flow = flow;
  state_.stack.push_back(frame);
  // A quantity said for an earlier product is not this one's.
  for (const StateSpec& state : graph_.flow(flow).states) {
    for (const v1::Action& action : state.proto->action()) {
      if (action.has_add_to_cart() && !action.add_to_cart().quantity_slot().empty()) {
        turn_.ClearSlot(action.add_to_cart().quantity_slot());
      }
    }
  }
  std::vector<bool> used(turn_.understanding().entities.size(), false);
  FillUnasked(graph_.flow(flow), &used);
  FillLeadingCount(graph_.flow(flow));
  SlotValue value;
  value.type = SlotType::kProduct;
  value.text = product;
  value.display = reference_.said.empty() ? executor_.ProductTitle(product) : reference_.said;
  turn_.SetSlot(slot, std::move(value));
  turn_.AddEvent("flow_started", {{"flow", graph_.flow(flow).id()}});
  return Enter(0, "chose a product");
}

namespace {

// "Both", "les deux", "tutti e due", "entrambi": a pair said, not a count
// ("j'en prends deux", "ne prendo due" are two of one).
bool SaysBoth(const Understanding& u) {
  static constexpr std::string_view kBoth[][2] = {
      {"both", ""},   {"les", "deux"}, {"tous", "deux"}, {"toutes", "deux"},
      {"tutti", "e"}, {"tutte", "e"},  {"entrambi", ""}, {"entrambe", ""},
      {"i", "due"},   {"le", "due"},   {"all", "two"},   {"the", "two"}};
  for (size_t k = 0; k < u.words.size(); ++k) {
    for (const auto& pair : kBoth) {
      if (u.words[k] != pair[0]) continue;
      if (pair[1].empty() || (k + 1 < u.words.size() && u.words[k + 1] == pair[1])) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<absl::Status> TurnRunner::ChooseBoth() {
  const Understanding& u = turn_.understanding();
  if (!u.Has(ActKind::kChoose) || state_.last_shown.size() != 2 || !SaysBoth(u)) {
    return std::nullopt;
  }
  Note("both products shown chosen");
  return ChooseProducts(state_.last_shown.front());
}

std::vector<std::string> TurnRunner::AlsoChosen(const std::string& first) {
  const Understanding& u = turn_.understanding();
  std::vector<std::string> out;
  // "Both", "les deux", "tutti e due" over two products shown.
  if (state_.last_shown.size() == 2 && SaysBoth(u)) {
    for (const std::string& id : state_.last_shown) {
      if (id != first) out.push_back(id);
    }
    return out;
  }
  // "X and Y": each part resolved on its own.
  static constexpr std::string_view kAnd[] = {"and",  "e",     "ed",   "et",  "anche",
                                              "also", "aussi", "plus", "pure"};
  // Commas part a list that ends with "and" ("le dripper, les filtres et
  // la bouilloire"; not "the lumo one is fine, add it"), '+' always
  // ("bollitore + cofanetto tè"): where the text has one between two of
  // its words.
  const std::string_view text = turn_.input().text();
  // Tokenized again only where a list sign may part it.
  const std::vector<text::Token> tokens = text.find_first_of(",;+") != std::string_view::npos
                                              ? text::Tokenize(text)
                                              : std::vector<text::Token>();
  bool listed = false;
  for (const std::string& w : u.words) {
    listed = listed || std::find(std::begin(kAnd), std::begin(kAnd) + 4, w) != std::begin(kAnd) + 4;
  }
  const bool aligned = tokens.size() == u.words.size();
  std::vector<std::vector<std::string>> parts(1);
  for (size_t k = 0; k < u.words.size(); ++k) {
    const std::string& w = u.words[k];
    if (aligned && k > 0) {
      const std::string_view between =
          text.substr(tokens[k - 1].end, tokens[k].begin - tokens[k - 1].end);
      const bool comma = listed && between.find_first_of(",;") != std::string_view::npos;
      if ((comma || between.find('+') != std::string_view::npos) && !parts.back().empty()) {
        parts.emplace_back();
      }
    }
    if (std::find(std::begin(kAnd), std::end(kAnd), w) != std::end(kAnd)) {
      if (!parts.back().empty()) parts.emplace_back();
      continue;
    }
    parts.back().push_back(w);
  }
  if (parts.size() < 2) return out;
  for (const std::vector<std::string>& words : parts) {
    if (words.empty()) continue;
    Understanding part;
    part.language = u.language;
    part.words = words;
    part.acts = u.acts;
    for (const Entity& e : u.entities) {
      bool inside = false;
      for (const text::Token& token : text::Tokenize(e.text)) {
        inside = inside || std::find(words.begin(), words.end(), token.text) != words.end();
      }
      if (inside) part.entities.push_back(e);
    }
    // A part that points ("en fait mettez-en 2") means the product in
    // focus, not the one last shown.
    ProductReference ref = executor_.ResolveReference(part, state_.last_shown, state_.shown.seen,
                                                      state_.focus, /*catalog_wide=*/true);
    // A part that is only a command ("aggiungi" of "aggiungi anche lo
    // spray") names nothing of its own; "add it" does.
    if (ref.id.empty() || ref.by_bare_command || ref.id == first ||
        std::find(out.begin(), out.end(), ref.id) != out.end()) {
      continue;
    }
    out.push_back(ref.id);
  }
  return out;
}

std::optional<absl::Status> TurnRunner::ChooseProducts(const std::string& product) {
  const std::vector<std::string> also = AlsoChosen(product);
  std::optional<absl::Status> done = ChooseProduct(product);
  std::string product_slot;
  const int add_flow = AddFlow(&product_slot);
  for (const std::string& next : also) {
    // A product still asking its size or colour (or which one) is finished
    // first; a flow resumed after the add may ask its own question.
    if (!done.has_value() || !done->ok() || !state_.variant.product.empty() ||
        (Top().asking >= 0 && Top().flow == add_flow)) {
      break;
    }
    Note(absl::StrCat("also chose ", next));
    reference_ = ProductReference{};
    done = ChooseProduct(next);
  }
  return done;
}

}  // namespace chatcart::dialogue
