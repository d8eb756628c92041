// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "engine/commerce.h"

#include <algorithm>
#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "absl/time/time.h"
#include "chatcart/v1/cart_policy.pb.h"
#include "common/status.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "dialogue/dialogue_snapshot.h"
#include "dialogue/slot_filler.h"

namespace chatcart::engine {
namespace {

using dialogue::TurnContext;

}  // namespace

int64_t ItemCount(const CartState& state) {
  int64_t count = 0;
  for (const CartLine& line : state.lines) count += line.quantity;
  return count;
}

Actor CommerceExecutor::TurnActor() const {
  return input_.actor().empty() ? Actor::Shopper() : Actor::Agent(input_.actor());
}

std::string CommerceExecutor::Format(const Money& money, const TurnContext& turn) const {
  absl::StatusOr<std::string> text = money.Format(turn.locale());
  return text.ok() ? *text : money.ToString();
}

absl::StatusOr<Cart*> CommerceExecutor::MutableCart() {
  if (!state_.cart.has_value()) {
    absl::StatusOr<Cart> cart = Cart::Create(engine_.cart_policy, state_.session_id);
    if (!cart.ok()) return cart.status();
    state_.cart = *std::move(cart);
  }
  return &*state_.cart;
}

absl::StatusOr<ApplyResult> CommerceExecutor::Apply(CartAction action, TurnContext& turn) {
  CHATCART_ASSIGN_OR_RETURN(Cart * cart, MutableCart());
  CartCommand command;
  command.action = std::move(action);
  command.actor = TurnActor();
  command.time = turn.time();
  absl::StatusOr<ApplyResult> result = cart->Apply(command, engine_.cart_sources());
  if (result.ok()) {
    turn.AddEvent("cart_changed", {{"command", std::string(CartActionName(command.action))},
                                   {"version", absl::StrCat(result->version)}});
  }
  return result;
}

void CommerceExecutor::SayFailure(const absl::Status& status, TurnContext& turn) {
  // The engine's words are for the host (the event, the trace); the shopper
  // hears why in their language, never an internal message.
  turn.AddEvent("command_refused", {{"code", std::string(absl::StatusCodeToString(status.code()))},
                                    {"message", std::string(status.message())}});
  turn.result().mutable_trace()->add_transitions(
      absl::StrCat("refused: ", absl::StatusCodeToString(status.code()), ": ",
                   status.message().substr(0, 200)));
  absl::string_view message = status.message();
  // The cart names the command before the cause ("add_line: only 3 of product
  // spray available; ..."): the cause is what the shopper hears about.
  if (size_t colon = message.find(": ");
      colon != absl::string_view::npos &&
      message.substr(0, colon).find(' ') == absl::string_view::npos) {
    message.remove_prefix(colon + 2);
  }
  const v1::CartPolicy* policy =
      engine_.cart_policy != nullptr ? &engine_.cart_policy->proto() : nullptr;
  if (absl::StartsWith(message, "only ") && absl::StrContains(message, " available")) {
    int64_t available = 0;
    absl::string_view rest = message.substr(5);
    (void)absl::SimpleAtoi(rest.substr(0, rest.find(' ')), &available);
    turn.Say("chatcart.out_of_stock", {{"available", available}});
    return;
  }
  if (absl::StrContains(message, "units per line") && policy != nullptr) {
    turn.Say("chatcart.too_many",
             {{"max", static_cast<int64_t>(policy->guardrails().max_quantity_per_line())}});
    return;
  }
  if (absl::StrContains(message, "a cart holds at most")) {
    turn.Say("chatcart.cart_full");
    return;
  }
  if (absl::StrContains(message, "spending")) {
    turn.Say("chatcart.over_cap");
    return;
  }
  if (status.code() == absl::StatusCode::kNotFound) {
    turn.Say("chatcart.product_gone");
    return;
  }
  turn.Say("chatcart.failed_generic");
}

void CommerceExecutor::AttachCartSummary(v1::Reply* reply, TurnContext& turn) {
  if (!state_.cart.has_value()) return;
  absl::StatusOr<CartTotals> totals = state_.cart->Totals();
  if (!totals.ok()) return;
  v1::CartSummary* summary = reply->mutable_cart();
  for (const CartLine& line : state_.cart->state().lines) {
    v1::CartSummaryLine* out = summary->add_lines();
    out->set_product_id(line.sku.empty() ? line.product_id : line.sku);
    out->set_title(line.title);
    if (engine_.catalog != nullptr) {
      if (std::optional<ProductIndex> i = engine_.catalog->FindById(out->product_id())) {
        out->set_variant(VariantText(*i, turn.language()));
      }
    }
    out->set_quantity(line.quantity);
    for (const LineTotals& lt : totals->lines) {
      if (lt.line_id == line.line_id) MoneyToProto(lt.total, out->mutable_line_total());
    }
  }
  MoneyToProto(totals->subtotal, summary->mutable_subtotal());
  MoneyToProto(totals->discount, summary->mutable_discount());
  MoneyToProto(totals->tax, summary->mutable_tax());
  MoneyToProto(totals->shipping, summary->mutable_shipping());
  MoneyToProto(totals->grand_total, summary->mutable_total());
  summary->set_version(static_cast<int64_t>(state_.cart->version()));
  summary->set_total_text(Format(totals->grand_total, turn));
}

std::optional<ProductIndex> CommerceExecutor::ProductFromSlot(std::string_view slot,
                                                              TurnContext& turn) {
  const dialogue::SlotValue* value = slot.empty() ? nullptr : turn.Slot(slot);
  if (value != nullptr && !value->text.empty()) {
    if (std::optional<ProductIndex> index = engine_.catalog->FindById(value->text)) return index;
  }
  turn.Say("chatcart.no_product");
  return std::nullopt;
}

std::optional<uint32_t> CommerceExecutor::LineForProduct(std::string_view slot, TurnContext& turn) {
  if (!state_.cart.has_value() || state_.cart->state().lines.empty()) {
    turn.Say("chatcart.cart_empty");
    return std::nullopt;
  }
  const std::vector<CartLine>& lines = state_.cart->state().lines;
  const dialogue::SlotValue* value = slot.empty() ? nullptr : turn.Slot(slot);
  if (value == nullptr || value->text.empty()) return lines.back().line_id;
  for (const CartLine& line : lines) {
    if (line.product_id == value->text || line.sku == value->text) return line.line_id;
  }
  turn.Say("chatcart.not_in_cart", {{"product", value->display.empty() ? value->text : value->display}});
  return std::nullopt;
}

absl::Status CommerceExecutor::Execute(const v1::Action& action, const dialogue::FlowSpec& flow,
                                       TurnContext& turn) {
  switch (action.kind_case()) {
    case v1::Action::kRecommend:
      return Recommend(action.recommend(), turn);
    case v1::Action::kShowProduct:
      return ShowProduct(action.show_product(), turn);
    case v1::Action::kAddToCart:
      return AddToCart(action.add_to_cart(), turn);
    case v1::Action::kChangeQuantity:
      return ChangeQuantity(action.change_quantity(), turn);
    case v1::Action::kRemoveFromCart:
      return Remove(action.remove_from_cart(), turn);
    case v1::Action::kApplyCode:
      return ApplyCode(action.apply_code(), turn);
    case v1::Action::kShowCart:
      return ShowCart(turn);
    case v1::Action::kRequestConfirmation:
      return RequestConfirmation(action.request_confirmation(), turn);
    case v1::Action::kPlaceOrder:
      return PlaceOrder(turn);
    case v1::Action::kAmendOrder:
      return Amend(action.amend_order(), turn);
    case v1::Action::kTrackOrder:
      return Track(action.track_order(), turn);
    case v1::Action::kHandoff:
      return Handoff(action.handoff(), turn);
    case v1::Action::kHost: {
      std::vector<std::pair<std::string, std::string>> params(action.host().param().begin(),
                                                              action.host().param().end());
      std::sort(params.begin(), params.end());  // map order is not deterministic
      turn.AddHostAction(action.host().kind(), std::move(params));
      return absl::OkStatus();
    }
    case v1::Action::kRemember:
      return Remember(action.remember(), flow, turn);
    case v1::Action::kForget:
      return Forget(turn);
    default:
      return absl::InternalError(absl::StrCat("action ", static_cast<int>(action.kind_case()),
                                              " reached the commerce executor"));
  }
}

void CommerceExecutor::AddProductCard(v1::Reply* reply, ProductIndex i, TurnContext& turn) const {
  Product product = engine_.catalog->product(i);
  v1::ProductCard* card = reply->add_products();
  card->set_product_id(std::string(product.id));
  card->set_name(std::string(product.name));
  if (product.price.has_value()) {
    MoneyToProto(*product.price, card->mutable_price());
    card->set_price_text(Format(*product.price, turn));
  }
  card->set_image(std::string(product.image));
  card->set_url(std::string(product.url));
}

absl::Status CommerceExecutor::ShowProduct(const v1::ShowProductAction& action, TurnContext& turn) {
  std::optional<ProductIndex> index = ProductFromSlot(action.product_slot(), turn);
  if (!index.has_value()) return absl::OkStatus();
  // "Je cherche les chelsea lago en noir, pointure 37": whether that
  // variant is there (or sold out, and what is), as asked of a product shown.
  if (engine_.catalog->Variants(*index).size() > 1 &&
      VariantAxesNamed(turn.understanding(), *index).second > 0) {
    dialogue::ProductQuestion question;
    question.products = {std::string(engine_.catalog->id(*index))};
    CHATCART_ASSIGN_OR_RETURN(bool answered, AnswerQuestion(question, turn));
    if (answered) return absl::OkStatus();
  }
  Product product = engine_.catalog->product(*index);
  v1::Reply* reply = turn.Say(
      "chatcart.product",
      {{"product", std::string(product.name)},
       {"price", product.price.has_value() ? Format(*product.price, turn) : std::string("-")},
       {"description", std::string(product.description)}});
  v1::ProductCard* card = reply->add_products();
  card->set_product_id(std::string(product.id));
  card->set_name(std::string(product.name));
  if (product.price.has_value()) {
    MoneyToProto(*product.price, card->mutable_price());
    card->set_price_text(Format(*product.price, turn));
  }
  card->set_image(std::string(product.image));
  card->set_url(std::string(product.url));
  turn.set_last_shown({std::string(product.id)});
  // "Vous avez le microscope junior ?" of one sold out: said plainly (of a
  // product with variants, only when none is left in any).
  bool sold_out = true;
  for (ProductIndex v : engine_.catalog->Variants(*index)) {
    const Product variant = engine_.catalog->product(v);
    sold_out = sold_out && variant.stock.has_value() && *variant.stock <= 0;
  }
  if (sold_out) turn.Say("chatcart.out_of_stock", {{"available", int64_t{0}}});
  return absl::OkStatus();
}

absl::Status CommerceExecutor::AddToCart(const v1::AddToCartAction& action, TurnContext& turn) {
  std::optional<ProductIndex> index = ProductFromSlot(action.product_slot(), turn);
  if (!index.has_value()) return absl::OkStatus();
  int64_t quantity = 1;
  if (const dialogue::SlotValue* q = turn.Slot(action.quantity_slot()); q != nullptr) {
    quantity = q->number;
  }
  std::optional<ProductIndex> variant = ResolveVariant(*index, turn);
  if (!variant.has_value()) return absl::OkStatus();  // asked which size/colour, or none left
  Product product = engine_.catalog->product(*variant);
  // "Ne prendo 2 allora" about a product already in the cart: two in all,
  // unless the shopper says more ("2 more", "altri 2", "encore 2").
  const dialogue::Understanding& u = turn.understanding();
  // "En fait mettez 2 écouteurs" with one in the cart: two in all too.
  if (turn.Slot(action.quantity_slot()) != nullptr && state_.cart.has_value() &&
      (u.Has(converse::ActKind::kChoose) || u.Has(converse::ActKind::kCorrection))) {
    static constexpr std::string_view kMore[] = {"more", "another", "extra", "altri", "altre",
                                                 "altro", "altra", "ancora", "encore", "autre",
                                                 "autres", "plus", "piu"};
    bool more = false;
    for (const std::string& w : u.words) {
      more = more || std::find(std::begin(kMore), std::end(kMore), w) != std::end(kMore);
    }
    for (const CartLine& line : state_.cart->state().lines) {
      const std::string& id = line.sku.empty() ? line.product_id : line.sku;
      if (more || id != product.id || quantity <= line.quantity) continue;
      const std::string title = line.title;  // the command replaces the lines
      absl::StatusOr<ApplyResult> changed =
          Apply(commands::ChangeQuantity{line.line_id, quantity}, turn);
      if (!changed.ok()) {
        SayFailure(changed.status(), turn);
        return absl::OkStatus();
      }
      CHATCART_ASSIGN_OR_RETURN(CartTotals totals, state_.cart->Totals());
      v1::Reply* reply = turn.Say("chatcart.quantity_changed",
                                  {{"product", title},
                                   {"quantity", quantity},
                                   {"total", Format(totals.grand_total, turn)}});
      turn.set_focus(std::string(product.id));
      AttachCartSummary(reply, turn);
      return absl::OkStatus();
    }
  }
  commands::AddLine add;
  add.product_id = std::string(product.id);
  add.quantity = quantity;
  absl::StatusOr<ApplyResult> result = Apply(std::move(add), turn);
  if (!result.ok()) {
    if (result.status().code() == absl::StatusCode::kInvalidArgument ||
        result.status().code() == absl::StatusCode::kNotFound ||
        result.status().code() == absl::StatusCode::kFailedPrecondition ||
        result.status().code() == absl::StatusCode::kPermissionDenied ||
        result.status().code() == absl::StatusCode::kOutOfRange) {
      SayFailure(result.status(), turn);
      return absl::OkStatus();
    }
    return result.status();
  }
  CHATCART_ASSIGN_OR_RETURN(CartTotals totals, state_.cart->Totals());
  const std::string variant_text = VariantText(*variant, turn.language());
  v1::Reply* reply = turn.Say(
      "chatcart.added",
      {{"product", variant_text.empty() ? std::string(product.name)
                                        : absl::StrCat(ToAbsl(product.name), " (", variant_text, ")")},
       {"quantity", quantity},
       {"total", Format(totals.grand_total, turn)}});
  turn.set_focus(std::string(product.id));
  AttachCartSummary(reply, turn);
  return absl::OkStatus();
}

absl::Status CommerceExecutor::ChangeQuantity(const v1::ChangeQuantityAction& action,
                                              TurnContext& turn) {
  std::optional<uint32_t> line = LineForProduct(action.product_slot(), turn);
  if (!line.has_value()) return absl::OkStatus();
  const dialogue::SlotValue* q = turn.Slot(action.quantity_slot());
  int64_t quantity = q == nullptr ? 1 : q->number;
  absl::StatusOr<ApplyResult> result =
      quantity == 0 ? Apply(commands::RemoveLine{*line}, turn)
                    : Apply(commands::ChangeQuantity{*line, quantity}, turn);
  if (!result.ok()) {
    SayFailure(result.status(), turn);
    return absl::OkStatus();
  }
  CHATCART_ASSIGN_OR_RETURN(CartTotals totals, state_.cart->Totals());
  std::string title;
  for (const CartLine& l : state_.cart->state().lines) {
    if (l.line_id == *line) title = l.title;
  }
  v1::Reply* reply = turn.Say("chatcart.quantity_changed", {{"product", title},
                                                            {"quantity", quantity},
                                                            {"total", Format(totals.grand_total, turn)}});
  AttachCartSummary(reply, turn);
  return absl::OkStatus();
}

absl::Status CommerceExecutor::Remove(const v1::RemoveFromCartAction& action, TurnContext& turn) {
  if (action.product_slot() == dialogue::kAllProducts) {
    if (!state_.cart.has_value() || state_.cart->state().lines.empty()) {
      turn.Say("chatcart.cart_empty");
      return absl::OkStatus();
    }
    absl::StatusOr<ApplyResult> cleared = Apply(commands::ClearCart{}, turn);
    if (!cleared.ok()) {
      SayFailure(cleared.status(), turn);
      return absl::OkStatus();
    }
    turn.Say("chatcart.cart_cleared");
    return absl::OkStatus();
  }
  std::optional<uint32_t> line = LineForProduct(action.product_slot(), turn);
  if (!line.has_value()) return absl::OkStatus();
  std::string title;
  for (const CartLine& l : state_.cart->state().lines) {
    if (l.line_id == *line) title = l.title;
  }
  absl::StatusOr<ApplyResult> result = Apply(commands::RemoveLine{*line}, turn);
  if (!result.ok()) {
    SayFailure(result.status(), turn);
    return absl::OkStatus();
  }
  CHATCART_ASSIGN_OR_RETURN(CartTotals totals, state_.cart->Totals());
  v1::Reply* reply = turn.Say("chatcart.removed",
                              {{"product", title}, {"total", Format(totals.grand_total, turn)}});
  AttachCartSummary(reply, turn);
  return absl::OkStatus();
}

void CommerceExecutor::SayCodeRefused(const std::string& code, const absl::Status& status,
                                      TurnContext& turn) {
  const v1::DiscountCode* spec = nullptr;
  for (const v1::DiscountCode& c : engine_.cart_policy->proto().discount_codes()) {
    if (absl::AsciiStrToUpper(c.code()) == absl::AsciiStrToUpper(code)) spec = &c;
  }
  turn.AddEvent("command_refused", {{"code", std::string(absl::StatusCodeToString(status.code()))},
                                    {"message", std::string(status.message())}});
  if (spec == nullptr || status.code() == absl::StatusCode::kNotFound) {
    turn.Say("chatcart.code_unknown", {{"code", code}});
    return;
  }
  if (status.code() == absl::StatusCode::kAlreadyExists) {
    turn.Say("chatcart.code_already", {{"code", code}});
    return;
  }
  if (spec->has_expires_at() &&
      turn.time() >= absl::FromUnixSeconds(spec->expires_at().seconds())) {
    turn.Say("chatcart.code_expired", {{"code", code}});
    return;
  }
  if (spec->has_min_subtotal()) {
    absl::StatusOr<Money> minimum = MoneyFromProto(spec->min_subtotal());
    if (minimum.ok() && absl::StrContains(status.message(), "at least")) {
      turn.Say("chatcart.code_minimum", {{"code", code}, {"minimum", Format(*minimum, turn)}});
      return;
    }
  }
  if (!state_.cart->state().discount_codes.empty()) {
    turn.Say("chatcart.code_one_per_cart",
             {{"code", code}, {"other", state_.cart->state().discount_codes.front()}});
    return;
  }
  turn.Say("chatcart.code_not_eligible", {{"code", code}});
}

absl::Status CommerceExecutor::ApplyCode(const v1::ApplyCodeAction& action, TurnContext& turn) {
  const dialogue::SlotValue* code = turn.Slot(action.code_slot());
  if (code == nullptr || code->text.empty()) {
    turn.Say("chatcart.no_code");
    return absl::OkStatus();
  }
  absl::StatusOr<ApplyResult> result = Apply(commands::AddDiscountCode{code->text}, turn);
  if (!result.ok()) {
    SayCodeRefused(code->text, result.status(), turn);
    return absl::OkStatus();
  }
  CHATCART_ASSIGN_OR_RETURN(CartTotals totals, state_.cart->Totals());
  for (const DiscountTotals& d : totals.discounts) {
    if (d.code != code->text) continue;
    v1::Reply* reply =
        d.applied ? turn.Say("chatcart.code_applied", {{"code", d.code},
                                                       {"discount", Format(d.amount, turn)},
                                                       {"total", Format(totals.grand_total, turn)}})
                  : turn.Say("chatcart.code_not_applied", {{"code", d.code}, {"reason", d.reason}});
    AttachCartSummary(reply, turn);
  }
  return absl::OkStatus();
}

absl::Status CommerceExecutor::ShowCart(TurnContext& turn) {
  if (!state_.cart.has_value() || state_.cart->state().lines.empty()) {
    turn.Say("chatcart.cart_empty");
    return absl::OkStatus();
  }
  CHATCART_ASSIGN_OR_RETURN(CartTotals totals, state_.cart->Totals());
  std::vector<std::string> lines;
  for (const CartLine& line : state_.cart->state().lines) {
    std::string variant;
    if (engine_.catalog != nullptr) {
      if (std::optional<ProductIndex> i =
              engine_.catalog->FindById(line.sku.empty() ? line.product_id : line.sku)) {
        variant = VariantText(*i, turn.language());
      }
    }
    lines.push_back(variant.empty() ? absl::StrCat(line.quantity, " × ", line.title)
                                    : absl::StrCat(line.quantity, " × ", line.title, " (", variant, ")"));
  }
  v1::Reply* reply = turn.Say("chatcart.cart_summary",
                              {{"count", ItemCount(state_.cart->state())},
                               {"lines", absl::StrJoin(lines, ", ")},
                               {"total", Format(totals.grand_total, turn)}});
  AttachCartSummary(reply, turn);
  return absl::OkStatus();
}

absl::Status CommerceExecutor::Handoff(const v1::HandoffAction& action, TurnContext& turn) {
  turn.Say("chatcart.handoff");
  turn.SetAttendant(dialogue::Attendant::kQueued);
  turn.AddHostAction("handoff", {{"reason", action.reason()}, {"session", state_.session_id}});
  turn.AddEvent("handoff", {{"reason", action.reason()}});
  return absl::OkStatus();
}

absl::Status CommerceExecutor::Remember(const v1::RememberAction& action,
                                        const dialogue::FlowSpec& flow, TurnContext& turn) {
  v1::ShopperProfile& profile = state_.profile;
  profile.set_consent(true);
  for (const std::string& slot_name : action.slot()) {
    int index = flow.FindSlot(slot_name);
    const dialogue::SlotValue* value = turn.Slot(slot_name);
    if (index < 0 || value == nullptr) continue;
    const std::string& key = flow.slots[index].proto->profile_key();
    v1::ProfileEntry* entry = nullptr;
    for (v1::ProfileEntry& e : *profile.mutable_entries()) {
      if (e.key() == key) entry = &e;
    }
    if (entry == nullptr) entry = profile.add_entries();
    entry->set_key(key);
    entry->clear_value();
    dialogue::SlotToProto(slot_name, *value, entry->mutable_value());
  }
  std::sort(profile.mutable_entries()->begin(), profile.mutable_entries()->end(),
            [](const v1::ProfileEntry& a, const v1::ProfileEntry& b) { return a.key() < b.key(); });
  profile.set_language(turn.language());
  turn.AddEvent("profile_updated", {});
  return absl::OkStatus();
}

absl::Status CommerceExecutor::Forget(TurnContext& turn) {
  state_.profile.Clear();
  turn.Say("chatcart.forgotten");
  turn.AddHostAction("forget_shopper", {{"session", state_.session_id}});
  turn.AddEvent("profile_erased", {});
  return absl::OkStatus();
}

std::optional<dialogue::ConditionValue> CommerceExecutor::Lookup(std::string_view name) const {
  if (name == "event.order_known") {
    auto reference = input_.event().param().find("reference");
    if (reference == input_.event().param().end()) return false;
    for (const Order& order : state_.orders) {
      if (order.reference() == reference->second) return true;
    }
    return false;
  }
  if (name == "local.hour" || name == "quiet_hours") {
    const int hour = absl::ToCivilHour(InputTime(), engine_.time_zone).hour();
    if (name == "local.hour") return static_cast<int64_t>(hour);
    const int start = engine_.quiet_start_hour, end = engine_.quiet_end_hour;
    if (start == end) return false;
    return start < end ? (hour >= start && hour < end) : (hour >= start || hour < end);
  }
  if (name.starts_with("profile.")) {
    std::string_view key = name.substr(8);
    for (const v1::ProfileEntry& entry : state_.profile.entries()) {
      if (entry.key() != key) continue;
      const v1::SlotSnapshot& v = entry.value();
      if (v.type() == "yes_no") return v.yes();
      if (!v.text().empty()) return v.text();
      return v.number();
    }
    return std::nullopt;
  }
  if (name == "cart.lines") {
    return static_cast<int64_t>(state_.cart.has_value() ? state_.cart->state().lines.size() : 0);
  }
  if (name == "cart.items") {
    return state_.cart.has_value() ? ItemCount(state_.cart->state()) : int64_t{0};
  }
  if (name == "cart.total") {
    if (!state_.cart.has_value()) return std::nullopt;
    absl::StatusOr<CartTotals> totals = state_.cart->Totals();
    if (!totals.ok()) return std::nullopt;
    return totals->grand_total;
  }
  if (name == "cart.confirmable") {
    if (!state_.cart.has_value()) return false;
    const std::optional<PendingConfirmation>& pending = state_.cart->state().confirmation;
    // Requested and nothing applied since: the request command itself moved
    // the cart from pending->version to the next version.
    return pending.has_value() && !pending->confirmed &&
           pending->version + 1 == state_.cart->version();
  }
  if (name == "order.amendable") {
    return !state_.orders.empty() && state_.orders.back().state().pending_amendment.has_value();
  }
  if (name == "order.status") {
    if (state_.orders.empty()) return std::nullopt;
    return std::string(OrderStatusName(state_.orders.back().status()));
  }
  if (name == "orders") return static_cast<int64_t>(state_.orders.size());
  return std::nullopt;
}

}  // namespace chatcart::engine
