// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The conversation acts answered wherever they are asked: store questions
// (shipping, returns, hours, payment), the cart through the bundle's
// checkout flow and cart actions, small talk, asking for a person, and
// products found by name when nothing else took the turn. A reply that
// keeps the flow where it was (KeepPending) is here too.

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "dialogue/turn_runner.h"

namespace chatcart::dialogue {
namespace {

using converse::ActKind;

}  // namespace

// ---------------------------------------------------------------- later

std::optional<absl::Status> TurnRunner::StoreQuestion(bool last_resort) {
  const Understanding& u = turn_.understanding();
  // "Has my order shipped?" is about an order, not the store.
  static constexpr std::string_view kOrderWords[] = {"order",    "ordine",   "commande", "pacco",
                                                     "colis",    "package",  "parcel",   "tracking",
                                                     "ordinato", "commandé", "ordered"};
  for (size_t k = 0; k < u.words.size(); ++k) {
    if (std::find(std::begin(kOrderWords), std::end(kOrderWords), u.words[k]) ==
        std::end(kOrderWords)) {
      continue;
    }
    // "If I order today, when would it get here?": the verb, a question
    // about shipping.
    const std::string_view before = k > 0 ? std::string_view(u.words[k - 1]) : "";
    if (before == "i" || before == "we" || before == "je" || before == "on") continue;
    return std::nullopt;
  }
  // "Actually make it 4 bags so we get free shipping": a command to the
  // cart with its reason, asking nothing.
  if (!u.Has(ActKind::kQuestion) && Understood() && EditsCart(u.intent, /*quantity_only=*/true) &&
      std::any_of(u.entities.begin(), u.entities.end(),
                  [](const Entity& e) { return e.type == "quantity" || e.type == "number"; })) {
    return std::nullopt;
  }
  // The bundle's own intent for the topic ("shipping_info") answers it.
  struct Topic {
    ActKind kind;
    std::string_view stems[4];
  };
  static constexpr Topic kTopics[] = {
      {ActKind::kAskShipping, {"ship", "deliver", "sped", "livr"}},
      {ActKind::kAskReturns, {"return", "refund", "reso", "retour"}},
      {ActKind::kAskHours, {"hour", "open", "orari", "horaire"}},
      {ActKind::kAskPayment, {"pay", "pag", "paie", "paiement"}},
  };
  if (!last_resort && Understood()) {
    for (const Topic& topic : kTopics) {
      if (!u.Has(topic.kind)) continue;
      for (std::string_view stem : topic.stems) {
        if (u.intent.find(stem) != std::string::npos) return std::nullopt;
      }
    }
  }
  for (ActKind topic :
       {ActKind::kAskShipping, ActKind::kAskReturns, ActKind::kAskHours, ActKind::kAskPayment}) {
    if (!u.Has(topic)) continue;
    if (topic == ActKind::kAskPayment && u.Has(ActKind::kCheckout)) continue;
    // "Can i pay with apple pay": asked, not a checkout the classifier may
    // hear in "pay"; said plainly when the store has no answer.
    const bool last = last_resort || topic == ActKind::kAskPayment;
    absl::StatusOr<bool> answered = executor_.AnswerStoreQuestion(topic, last, turn_);
    if (!answered.ok()) return answered.status();
    if (!*answered) continue;
    state_.misunderstood = 0;
    Note(absl::StrCat("store question: ", ToAbsl(converse::ActKindName(topic))));
    KeepPending();
    return absl::OkStatus();
  }
  return std::nullopt;
}

std::optional<absl::Status> TurnRunner::CartActs() {
  const Understanding& u = turn_.understanding();
  if (u.Has(ActKind::kRemoveAll)) {
    v1::Action clear;
    clear.mutable_remove_from_cart()->set_product_slot(std::string(kAllProducts));
    Note("remove everything");
    state_.misunderstood = 0;
    CHATCART_RETURN_IF_ERROR(executor_.Execute(clear, TopFlow(), turn_));
    KeepPending();
    return absl::OkStatus();
  }
  if (u.Has(ActKind::kCheckout) && !u.Has(ActKind::kQuestion)) {
    // The bundle's flow that asks "reply OK to buy".
    for (int f = 0; f < graph_.flow_count(); ++f) {
      for (const StateSpec& state : graph_.flow(f).states) {
        for (const v1::Action& action : state.proto->action()) {
          if (!action.has_request_confirmation()) continue;
          state_.misunderstood = 0;
          return PushFlow(f, false, "checkout");
        }
      }
    }
  }
  // "Quanto pago di spedizione?" asks the shipping, not the total; "my
  // total with shipping" the total.
  bool with = false;
  for (const std::string& w : u.words) {
    with = with || w == "with" || w == "w" || w == "con" || w == "avec" || w == "including" ||
           w == "incluse" || w == "inclusa" || w == "compris" || w == "comprise";
  }
  if (u.Has(ActKind::kCartTotal) && (!u.Has(ActKind::kAskShipping) || with)) {
    v1::Action show;
    show.mutable_show_cart();
    Note("cart total");
    state_.misunderstood = 0;
    CHATCART_RETURN_IF_ERROR(executor_.Execute(show, TopFlow(), turn_));
    KeepPending();
    return absl::OkStatus();
  }
  return std::nullopt;
}

absl::Status TurnRunner::EnterFlowWith(int flow,
                                       std::vector<std::pair<std::string, SlotValue>> slots,
                                       std::string_view why) {
  state_.misunderstood = 0;
  if (Top().flow == flow) state_.stack.pop_back();
  FlowFrame frame;
  frame.flow = flow;
  state_.stack.push_back(frame);
  for (auto& [name, value] : slots) turn_.SetSlot(name, std::move(value));
  turn_.AddEvent("flow_started", {{"flow", graph_.flow(flow).id()}});
  return Enter(0, why);
}

std::optional<absl::Status> TurnRunner::RemoveNamed() {
  const Understanding& u = turn_.understanding();
  if (u.Has(ActKind::kRemoveAll) || CartIsEmpty()) return std::nullopt;
  static constexpr std::string_view kRemove[] = {
      "remove",   "delete",   "togli",     "toglilo",   "toglila", "toglili",   "togliele",
      "togliere", "rimuovi",  "rimuovilo", "rimuovila", "elimina", "eliminalo", "eliminala",
      "enlève",   "enleve",   "enlever",   "enlevez",   "enlèves", "retire",    "retirez",
      "retirer",  "supprime", "supprimez", "supprimer"};
  bool remove = std::any_of(u.words.begin(), u.words.end(), [](const std::string& w) {
    return std::find(std::begin(kRemove), std::end(kRemove), w) != std::end(kRemove);
  });
  // "Take the earbuds out", "take it off".
  for (size_t k = 0; k + 1 < u.words.size() && !remove; ++k) {
    if (u.words[k] != "take") continue;
    for (size_t j = k + 1; j < std::min(u.words.size(), k + 6); ++j) {
      remove = remove || u.words[j] == "out" || u.words[j] == "off";
    }
  }
  if (!remove) return std::nullopt;
  // Named among the products shown, seen or in the whole catalog (the turn
  // may have looked no further than those shown).
  if (reference_.id.empty()) {
    reference_ = executor_.ResolveReference(u, state_.last_shown, state_.shown.seen, state_.focus,
                                            /*catalog_wide=*/true);
  }
  if (reference_.id.empty() || !executor_.InCart(reference_.id)) return std::nullopt;
  // The bundle's flow that removes one product, with it in its slot.
  for (int f = 0; f < graph_.flow_count(); ++f) {
    for (const StateSpec& state : graph_.flow(f).states) {
      for (const v1::Action& action : state.proto->action()) {
        if (!action.has_remove_from_cart()) continue;
        const std::string& slot = action.remove_from_cart().product_slot();
        if (slot.empty() || slot == kAllProducts) continue;
        Note(absl::StrCat("remove ", reference_.id, " (", reference_.said, ")"));
        SlotValue value;
        value.type = SlotType::kProduct;
        value.text = reference_.id;
        value.display =
            reference_.said.empty() ? executor_.ProductTitle(reference_.id) : reference_.said;
        return EnterFlowWith(f, {{slot, std::move(value)}},
                             "a product of the cart named with a removal");
      }
    }
  }
  return std::nullopt;
}

std::optional<absl::Status> TurnRunner::CorrectedCount() {
  const Understanding& u = turn_.understanding();
  if (!u.Has(ActKind::kCorrection) || state_.focus.empty() || !executor_.InCart(state_.focus) ||
      (!reference_.id.empty() && reference_.id != state_.focus)) {
    return std::nullopt;
  }
  // One count, and nothing else to read: "anzi 2 bastano", "actually 3".
  int64_t count = 0;
  for (const Entity& e : u.entities) {
    if (e.type != "quantity" && e.type != "number") return std::nullopt;
    if (count != 0 || e.value.number <= 0 || e.value.number > 100) return std::nullopt;
    // "Plutôt en 39" is a size.
    if (e.type == "number" && executor_.IsCatalogSize(absl::StrCat(e.value.number))) {
      return std::nullopt;
    }
    count = e.value.number;
  }
  if (count == 0) return std::nullopt;
  for (int f = 0; f < graph_.flow_count(); ++f) {
    for (const StateSpec& state : graph_.flow(f).states) {
      for (const v1::Action& action : state.proto->action()) {
        if (!action.has_change_quantity()) continue;
        const std::string& product_slot = action.change_quantity().product_slot();
        const std::string& quantity_slot = action.change_quantity().quantity_slot();
        if (product_slot.empty() || quantity_slot.empty()) continue;
        Note(absl::StrCat("corrected count of ", state_.focus, ": ", count));
        SlotValue product;
        product.type = SlotType::kProduct;
        product.text = state_.focus;
        product.display = executor_.ProductTitle(state_.focus);
        SlotValue quantity;
        quantity.type = SlotType::kQuantity;
        quantity.number = count;
        quantity.display = absl::StrCat(count);
        return EnterFlowWith(
            f, {{product_slot, std::move(product)}, {quantity_slot, std::move(quantity)}},
            "a corrected count of the product in focus");
      }
    }
  }
  return std::nullopt;
}

std::optional<absl::Status> TurnRunner::LaterActs() {
  const Understanding& u = turn_.understanding();
  if (std::optional<absl::Status> done = StoreQuestion(/*last_resort=*/true)) return done;
  if (u.Has(ActKind::kHuman) && config_.handoff_enabled) {
    for (const GlobalRouteSpec& global : graph_.global_routes()) {
      if (global.intent == config_.handoff_intent) return TakeGlobal(global);
    }
  }
  struct Reply {
    ActKind kind;
    std::string_view template_id;
  };
  static constexpr Reply kReplies[] = {
      {ActKind::kAreYouBot, "chatcart.i_am_a_bot"},
      {ActKind::kDone, "chatcart.done"},
      {ActKind::kThanks, "chatcart.you_are_welcome"},
      {ActKind::kBye, "chatcart.bye"},
      {ActKind::kWait, "chatcart.take_your_time"},
      {ActKind::kNeverMind, "chatcart.never_mind"},
      {ActKind::kHello, "chatcart.hello"},
  };
  // "Salut, je cherche des écouteurs pour ma fille, max 60 €", "thanks!
  // and do you have a case for it": a greeting or a thanks that goes on
  // with a request gives way to the catalog's answer.
  if ((u.Has(ActKind::kHello) || u.Has(ActKind::kThanks)) && u.words.size() >= 6) {
    if (std::optional<absl::Status> done = CatalogSearch()) return done;
    if (std::optional<absl::Status> done = CatalogSearch(/*by_word=*/true)) return done;
  }
  for (const Reply& reply : kReplies) {
    if (!u.Has(reply.kind)) continue;
    // "Ciao, mi si è rotta la moka, ne avete una da 6 tazze?": more than a
    // hello; what its words name is looked for below.
    if (reply.kind == ActKind::kHello && u.words.size() >= 6) continue;
    state_.misunderstood = 0;
    Note(absl::StrCat("small talk: ", ToAbsl(converse::ActKindName(reply.kind))));
    if (!Top().entered) {
      // The first words of a conversation: the welcome answers them.
      if (reply.kind == ActKind::kHello) return Enter(Top().state, "start");
      turn_.Say(reply.template_id);
      return Enter(Top().state, "start");
    }
    turn_.Say(reply.template_id);
    if (reply.kind == ActKind::kAreYouBot && config_.handoff_enabled) {
      OfferHuman();
      return absl::OkStatus();
    }
    if (reply.kind == ActKind::kNeverMind && Top().flow != graph_.start_flow()) {
      Note(absl::StrCat(Where(), " ends (never mind)"));
      silent_resume_ = true;
      return PopAndResume();
    }
    if (reply.kind != ActKind::kBye && reply.kind != ActKind::kDone) KeepPending();
    return absl::OkStatus();
  }
  return std::nullopt;
}

bool TurnRunner::CartIsEmpty() const {
  std::optional<ConditionValue> lines = executor_.Lookup("cart.lines");
  if (!lines.has_value()) return false;
  const int64_t* count = std::get_if<int64_t>(&*lines);
  return count != nullptr && *count == 0;
}

std::optional<absl::Status> TurnRunner::CatalogSearch(bool by_word) {
  // By word: a longer request nothing else understood ("need headphones
  // for the tube, proper noise cancelling"), a word of it that names a few
  // products by itself.
  if (by_word && (Understood() || Top().asking >= 0)) return std::nullopt;
  absl::StatusOr<bool> found = executor_.SearchCatalog(turn_, by_word);
  if (!found.ok()) return found.status();
  if (!*found) return std::nullopt;
  Note("products found by name");
  state_.misunderstood = 0;
  // Not a search a critique can refine.
  state_.shown = ShownContext{};
  state_.shown.seen = state_.last_shown;
  if (!Top().entered) {
    Top().entered = true;  // the welcome is not said over the answer
    AttachQuickReplies(TopState());
    return absl::OkStatus();
  }
  KeepPending();
  return absl::OkStatus();
}

void TurnRunner::KeepPending() {
  if (state_.stack.empty() || !Top().entered) return;
  v1::Reply* reply = turn_.LastReply();
  if (reply->quick_replies_size() > 0) return;
  if (Top().asking >= 0) {
    const v1::Slot& proto = *TopFlow().slots[Top().asking].proto;
    for (const v1::Choice& choice : proto.choice()) {
      v1::QuickReplyOption* option = reply->add_quick_replies();
      option->set_title(RenderTitle(choice.title().empty() ? choice.value() : choice.title()));
      option->set_payload(choice.value());
    }
    return;
  }
  AttachQuickReplies(TopState());
}

}  // namespace chatcart::dialogue
