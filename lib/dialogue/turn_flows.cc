// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// TurnRunner's moving between states and flows: entering a state, asking
// for what it still needs (after the products a search's words name),
// running its actions, taking its routes and the bundle's global ones,
// and pushing, replacing and popping flows.

#include <algorithm>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "dialogue/slot_filler.h"
#include "dialogue/turn_runner.h"

namespace chatcart::dialogue {

// ---------------------------------------------------------------- moving

bool TurnRunner::OnlySays(int flow) const {
  const FlowSpec& spec = graph_.flow(flow);
  if (!spec.slots.empty()) return false;
  for (const StateSpec& state : spec.states) {
    if (state.proto->action_size() > 0 || state.routes.size() > 0) return false;
  }
  return true;
}

bool TurnRunner::StatementNotAsking(const GlobalRouteSpec& global) const {
  const Understanding& u = turn_.understanding();
  return OnlySays(global.flow) && !u.Has(converse::ActKind::kQuestion) && u.words.size() > 6;
}

absl::Status TurnRunner::Enter(int state_index, std::string_view why) {
  if (++steps_ > config_.max_steps_per_turn) return StepLimit();
  std::string from = Where();
  FlowFrame& frame = Top();
  frame.state = state_index;
  frame.entered = true;
  frame.asking = -1;
  frame.attempts = 0;
  fresh_ = {state_.stack.size(), frame.flow, state_index};
  Note(absl::StrCat(from, " -> ", Where(), " (", ToAbsl(why), ")"));
  for (const std::string& id : TopState().proto->say()) turn_.Say(id);
  return Continue();
}

absl::Status TurnRunner::Continue() {
  if (++steps_ > config_.max_steps_per_turn) return StepLimit();
  const StateSpec& state = TopState();
  for (int slot : state.require) {
    if (turn_.Slot(TopFlow().slots[slot].name) == nullptr) {
      CHATCART_RETURN_IF_ERROR(NamedBeforeAsking(slot));
      Ask(slot, 0);
      return absl::OkStatus();
    }
  }
  const FlowSpec* flow = &TopFlow();
  const size_t depth = state_.stack.size();
  const int flow_index = Top().flow, state_index = Top().state;
  for (int i = 0; i < state.proto->action_size(); ++i) {
    const v1::Action& action = state.proto->action(i);
    CHATCART_RETURN_IF_ERROR(Execute(action, *flow));
    if (turn_.suspended()) return absl::OkStatus();  // it asked; the rest waits
    if (action.has_recommend()) {
      // A search of its own: critiques refine it from here.
      state_.shown = ShownContext{};
      state_.shown.flow = flow_index;
      state_.shown.state = state_index;
      state_.shown.action = i;
      state_.shown.seen = state_.last_shown;
      state_.shown.relaxed = turn_.shown_relaxed_;
    }
  }
  if (state_.stack.size() != depth) return absl::OkStatus();  // an action moved the flow
  AttachQuickReplies(state);
  if (state.proto->end()) return PopAndResume();
  if (state.next >= 0) return Enter(state.next, "next");
  // Condition-only routes hold as soon as the state's work is done (a
  // yes/no answer routes at once).
  for (const RouteSpec& route : state.routes) {
    if (route.proto->intent().empty() && route.proto->payload().empty() &&
        route.condition.Evaluate(scope_)) {
      return TakeRoute(route, absl::StrCat("condition ", route.proto->condition()));
    }
  }
  return absl::OkStatus();
}

const v1::RecommendAction* TurnRunner::SearchOf(int flow) const {
  for (const StateSpec& state : graph_.flow(flow).states) {
    for (const v1::Action& action : state.proto->action()) {
      if (action.has_recommend()) return &action.recommend();
    }
  }
  return nullptr;
}

std::optional<absl::Status> TurnRunner::OtherSearchNamed() {
  // A product named or pointed at ("la carta fotografica") is added or
  // asked about, not searched for; one named only by values of its
  // variants ("black, M" of the shoes in focus) is not what socks name.
  // The running flow: a search, or one still asking which product ("il
  // nous faut aussi des chaussettes, taille L" to "which product?").
  if (state_.stack.empty() || !Top().entered ||
      (!reference_.id.empty() && !reference_.by_variant)) {
    return std::nullopt;
  }
  const bool asks_product =
      Top().asking >= 0 && TopFlow().slots[Top().asking].type == SlotType::kProduct;
  if (SearchOf(Top().flow) == nullptr && !asks_product) return std::nullopt;
  const Understanding& u = turn_.understanding();
  for (const SlotSpec& slot : TopFlow().slots) {
    if (slot.type == SlotType::kChoice && MentionedChoice(slot, u).has_value()) return std::nullopt;
  }
  // "1299 c'est beaucoup trop, un truc moins cher qui fait tourner les
  // jeux ?" of the laptops shown: a cheaper one of them, not the games of
  // the gift finder.
  if ((u.Has(converse::ActKind::kCheaper) || u.Has(converse::ActKind::kPricier)) &&
      state_.shown.flow == Top().flow) {
    return std::nullopt;
  }
  // What the classifier heard says otherwise: a global route ("vorrei
  // parlare con qualcuno ... come calza") or another search ("un coffret
  // pour goûter plusieurs thés": the gift finder).
  int heard = -1;
  if (Understood()) {
    for (const GlobalRouteSpec& global : graph_.global_routes()) {
      // Not an answer-only global heard in a statement ("il nous faut
      // aussi des chaussettes, taille L" is no size guide question).
      if (global.intent == u.intent && !StatementNotAsking(global)) return std::nullopt;
    }
    heard = graph_.FlowTriggeredBy(u.intent);
    if (heard >= 0 && SearchOf(heard) == nullptr) heard = -1;
  }
  for (int f = 0; f < graph_.flow_count(); ++f) {
    const FlowSpec& flow = graph_.flow(f);
    const bool running = std::any_of(state_.stack.begin(), state_.stack.end(),
                                     [&](const FlowFrame& frame) { return frame.flow == f; });
    if (running || flow.proto->trigger_intent_size() == 0 || SearchOf(f) == nullptr ||
        (heard >= 0 && heard != f)) {
      continue;
    }
    for (const SlotSpec& slot : flow.slots) {
      if (slot.type != SlotType::kChoice) continue;
      const std::optional<SlotValue> named = MentionedChoice(slot, u);
      if (!named.has_value()) continue;
      // Said in so many words ("socks"), not read into a variant's words
      // ("3 of the small packs" of the camomile shown is no tea gear).
      const std::string word = absl::AsciiStrToLower(named->display);
      const bool said = std::any_of(u.words.begin(), u.words.end(), [&](const std::string& w) {
        return w == word || w == word + "s" || word == w + "s";
      });
      if (reference_.by_variant && !said) continue;
      // The new search holds only what is said for it: the shoes' colour
      // and size are not the socks'.
      for (const SlotSpec& other : flow.slots) state_.slots.erase(other.name);
      started_by_intent_ = f;
      absl::Status pushed =
          PushFlow(f, false, absl::StrCat("another search's choice named (slot ", slot.name, ")"));
      // "Chuck in a pack of the sports socks too, black, M", "he also needs
      // white sports socks, size L, 2 packs" after an add: the one product
      // that fits, taken.
      const bool takes = u.Has(converse::ActKind::kChoose) ||
                         (SaysAlso(u) && !CartIsEmpty() && !u.Has(converse::ActKind::kQuestion));
      if (pushed.ok() && takes && state_.last_shown.size() == 1) {
        if (std::optional<absl::Status> done = ChooseProduct(state_.last_shown.front())) {
          return done;
        }
      }
      return pushed;
    }
  }
  return std::nullopt;
}

absl::Status TurnRunner::NamedBeforeAsking(int slot_index) {
  // "Do you have decaf?", "casque audio pour mon fils de 7 ans", "cerco un
  // macinino": a search flow an intent just started would ask first; the
  // products the words name are shown with the question.
  if (started_by_intent_ != Top().flow || Top().state != 0 ||
      TopFlow().slots[slot_index].type == SlotType::kProduct) {
    return absl::OkStatus();
  }
  started_by_intent_ = -1;
  const v1::RecommendAction* search = nullptr;
  for (const v1::Action& action : TopState().proto->action()) {
    if (action.has_recommend() && search == nullptr) search = &action.recommend();
  }
  if (search == nullptr) return absl::OkStatus();
  absl::StatusOr<bool> found = executor_.SearchCatalog(turn_, /*by_word=*/true);
  if (!found.ok()) return found.status();
  if (!*found) {
    found = executor_.ShowFewThatFit(*search, turn_);
    if (!found.ok()) return found.status();
  }
  if (*found) {
    Note("products named: shown before asking");
    state_.shown = ShownContext{};
    state_.shown.seen = state_.last_shown;
  }
  return absl::OkStatus();
}

void TurnRunner::Ask(int slot_index, int attempt) {
  FlowFrame& frame = Top();
  frame.asking = slot_index;
  frame.attempts = attempt;
  const SlotSpec& slot = TopFlow().slots[slot_index];
  const v1::Slot& proto = *slot.proto;
  if (attempt > 0 && proto.reprompt_size() == 0) turn_.Say("chatcart.not_understood");
  const std::string& id = (attempt == 0 || proto.reprompt_size() == 0)
                              ? proto.prompt()
                              : proto.reprompt(std::min(attempt, proto.reprompt_size()) - 1);
  // "Which one do you mean?" once; asked again, the products shown become
  // the answers to tap (or the candidates the words fitted).
  const bool which = slot.type == SlotType::kProduct;
  v1::Reply* reply =
      turn_.Say(which && state_.which_asked > 0 ? std::string_view("chatcart.which_product_again")
                                                : std::string_view(id));
  if (which) {
    ++which_asked_this_turn_;
    const std::vector<std::string>& options =
        reference_.candidates.empty() ? state_.last_shown : reference_.candidates;
    for (const std::string& product : options) {
      if (reply->quick_replies_size() >= 10) break;
      v1::QuickReplyOption* option = reply->add_quick_replies();
      option->set_title(executor_.ProductTitle(product));
      option->set_payload(absl::StrCat("product:", product));
    }
  }
  if (proto.choice_size() > 0) {
    for (const v1::Choice& choice : proto.choice()) {
      v1::QuickReplyOption* option = reply->add_quick_replies();
      option->set_title(RenderTitle(choice.title().empty() ? choice.value() : choice.title()));
      option->set_payload(choice.value());
    }
  } else if (slot.type == SlotType::kYesNo) {
    v1::QuickReplyOption* yes = reply->add_quick_replies();
    yes->set_title(RenderTitle("chatcart.yes"));
    yes->set_payload("yes");
    v1::QuickReplyOption* no = reply->add_quick_replies();
    no->set_title(RenderTitle("chatcart.no"));
    no->set_payload("no");
  }
}

std::string TurnRunner::RenderTitle(std::string_view id) {
  const std::vector<Template>* variants = templates_.Find(turn_.locale(), id);
  if (variants == nullptr || variants->empty()) return std::string(id);
  return (*variants)[0].Render(templates_.Format(turn_.locale()), {});
}

void TurnRunner::AttachQuickReplies(const StateSpec& state) {
  if (state.proto->quick_reply_size() == 0) return;
  v1::Reply* reply = turn_.LastReply();
  for (const v1::QuickReply& quick : state.proto->quick_reply()) {
    v1::QuickReplyOption* option = reply->add_quick_replies();
    option->set_title(RenderTitle(quick.title()));
    option->set_payload(quick.payload());
  }
}

absl::Status TurnRunner::Execute(const v1::Action& action, const FlowSpec& flow) {
  switch (action.kind_case()) {
    case v1::Action::kSay:
      turn_.Say(action.say().template_());
      return absl::OkStatus();
    case v1::Action::kSetSlot: {
      int index = flow.FindSlot(action.set_slot().slot());
      if (index < 0) return absl::OkStatus();  // validated at load
      std::optional<SlotValue> value =
          SlotValueFromLiteral(flow.slots[index].type, action.set_slot().value(), config_.currency);
      if (value.has_value()) turn_.SetSlot(action.set_slot().slot(), *std::move(value));
      return absl::OkStatus();
    }
    case v1::Action::kClearSlots:
      for (const std::string& slot : action.clear_slots().slot()) turn_.ClearSlot(slot);
      return absl::OkStatus();
    default:
      return executor_.Execute(action, flow, turn_);
  }
}

absl::Status TurnRunner::TakeRoute(const RouteSpec& route, std::string_view why) {
  const FlowSpec& flow = TopFlow();
  const size_t depth = state_.stack.size();
  for (const v1::Action& action : route.proto->action()) {
    CHATCART_RETURN_IF_ERROR(Execute(action, flow));
  }
  if (state_.stack.size() != depth) return absl::OkStatus();
  switch (route.target) {
    case TargetKind::kStay:
      Note(absl::StrCat(Where(), " stays (", ToAbsl(why), ")"));
      return absl::OkStatus();
    case TargetKind::kState:
      return Enter(route.target_index, why);
    case TargetKind::kFlow:
      return PushFlow(route.target_index, false, why);
    case TargetKind::kEnd:
      Note(absl::StrCat(Where(), " ends (", ToAbsl(why), ")"));
      return PopAndResume();
  }
  return absl::OkStatus();
}

bool TurnRunner::TryStateRoutes() {
  const bool understood = Understood();
  const std::string& intent = turn_.understanding().intent;
  for (const RouteSpec& route : TopState().routes) {
    if (!route.proto->payload().empty()) continue;
    if (!route.proto->intent().empty() && !(understood && route.proto->intent() == intent)) {
      continue;
    }
    if (!route.condition.Evaluate(scope_)) continue;
    status_ = TakeRoute(route, route.proto->intent().empty()
                                   ? absl::StrCat("condition ", route.proto->condition())
                                   : absl::StrCat("intent ", intent));
    state_.misunderstood = 0;
    return true;
  }
  return false;
}

absl::Status TurnRunner::TakeGlobal(const GlobalRouteSpec& global) {
  if (!state_.stack.empty() && Top().flow == global.flow && !global.replace) {
    // Already in that flow: start it over rather than stacking it twice.
    state_.stack.pop_back();
  }
  state_.misunderstood = 0;
  return PushFlow(global.flow, global.replace, absl::StrCat("global ", global.intent));
}

absl::Status TurnRunner::PushFlow(int flow, bool replace, std::string_view why) {
  std::string from = Where();
  if (replace) state_.stack.clear();
  // Drop a first flow that never started: it would greet after this one.
  if (!state_.stack.empty() && !Top().entered) state_.stack.pop_back();
  // A flow still asking which product is abandoned, not resumed later.
  if (!state_.stack.empty() && Top().entered && Top().asking >= 0 &&
      TopFlow().slots[Top().asking].type == SlotType::kProduct) {
    Note(absl::StrCat(Where(), " abandoned"));
    state_.stack.pop_back();
  }
  // One search after another (the moka, then a coffee for it): the
  // budget, colours and choices of the last are not the new one's; sizes
  // stay (the shopper's own).
  if (!state_.stack.empty() && Top().flow != flow && SearchOf(Top().flow) != nullptr &&
      SearchOf(flow) != nullptr) {
    for (const SlotSpec& slot : graph_.flow(flow).slots) {
      if (slot.type == SlotType::kMoney || slot.type == SlotType::kColour ||
          slot.type == SlotType::kChoice) {
        state_.slots.erase(slot.name);
      }
    }
  }
  FlowFrame frame;
  frame.flow = flow;
  state_.stack.push_back(frame);
  std::vector<bool> used(turn_.understanding().entities.size(), false);
  // A new search: what was wished for the last one goes.
  state_.wishes.clear();
  if (turn_.input().event().kind().empty() && turn_.input().payload().empty()) {
    executor_.AddWishes(turn_.understanding(), &state_.wishes);
  }
  if (turn_.input().event().kind().empty()) {
    FillUnasked(graph_.flow(flow), &used);
    FillLeadingCount(graph_.flow(flow));
    FillCode(graph_.flow(flow), turn_.input().text());
    FillChatShorthand(graph_.flow(flow), turn_.understanding());
  }
  turn_.AddEvent("flow_started", {{"flow", graph_.flow(flow).id()}});
  Note(absl::StrCat(from, " => flow ", graph_.flow(flow).id(), " (", ToAbsl(why), ")"));
  return Enter(0, "flow start");
}

absl::Status TurnRunner::PopAndResume() {
  state_.stack.pop_back();
  if (state_.stack.empty()) {
    FlowFrame frame;  // back to the start flow, entered on the next words
    frame.flow = graph_.start_flow();
    state_.stack.push_back(frame);
    return absl::OkStatus();
  }
  FlowFrame& parent = Top();
  Note(absl::StrCat("resume ", Where()));
  // Handed to a person: the flow waits, it does not ask again.
  if (silent_resume_ || !parent.entered || state_.attendant != Attendant::kBot) {
    return absl::OkStatus();
  }
  if (parent.asking >= 0) {
    turn_.Say("chatcart.resume");
    Ask(parent.asking, 0);
  } else {
    AttachQuickReplies(TopState());
  }
  return absl::OkStatus();
}

}  // namespace chatcart::dialogue
