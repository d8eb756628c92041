// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The conversation runtime (runtime.h) and the core of TurnRunner's turn:
// the turn loop (Run), the kinds of input (events, payloads, text) and what
// happens when an answer or a turn is not understood. TurnRunner's slot
// filling is in turn_slots.cc, its moving between states and flows in
// turn_flows.cc, the conversation acts in turn_acts*.cc.

#include "dialogue/runtime.h"

#include <algorithm>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/locale.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "dialogue/channel.h"
#include "dialogue/slot_filler.h"
#include "dialogue/turn_runner.h"

namespace chatcart::dialogue {

// ---------------------------------------------------------------- TurnRunner

absl::Status TurnRunner::Run() {
  const v1::TurnInput& input = turn_.input();
  const int64_t now_ms = absl::ToUnixMillis(turn_.time());
  // A turn earlier than the last is not idle time; comparing first keeps the
  // difference from overflowing (a turn at INT64_MIN seconds, #22).
  if (config_.idle_reset_ms > 0 && state_.last_turn_unix_ms > 0 &&
      now_ms > state_.last_turn_unix_ms &&
      now_ms - state_.last_turn_unix_ms > config_.idle_reset_ms) {
    ResetAfterIdle();
  }
  state_.last_turn_unix_ms = now_ms;
  ++state_.turns;
  const Understanding& u = turn_.understanding();
  if (!u.language.empty()) state_.language = u.language;
  if (state_.language.empty() && !templates_.locales().empty()) {
    std::string_view locale = templates_.locales().front();
    state_.language = std::string(LocaleLanguage(locale));
  }
  turn_.locale_ = templates_.LocaleFor(state_.language);
  Trace()->set_language(state_.language);
  Trace()->set_intent(u.intent);
  Trace()->set_confidence(u.confidence);
  Trace()->set_out_of_scope(u.out_of_scope);
  Trace()->set_truncated(u.truncated);

  if (!input.event().kind().empty()) {
    CHATCART_RETURN_IF_ERROR(HandleEvent());
  } else if (!input.payload().empty()) {
    CHATCART_RETURN_IF_ERROR(HandlePayload(input.payload()));
  } else {
    CHATCART_RETURN_IF_ERROR(HandleText());
  }
  CHATCART_RETURN_IF_ERROR(turn_.missing_event_param_);
  state_.which_asked = which_asked_this_turn_ > 0 ? state_.which_asked + 1 : 0;
  state_.last_replies.clear();
  state_.person_offered = false;
  for (const v1::Reply& reply : turn_.result().replies()) {
    if (reply.template_id() == "chatcart.offer_human" ||
        reply.template_id() == "chatcart.i_am_a_bot" || reply.template_id() == "chatcart.no_info") {
      state_.person_offered = true;
    }
    if (!reply.text().empty()) state_.last_replies.push_back(QuickReplyTitleHash(reply.text()));
  }
  ShapeForChannel(input.channel(), &turn_.result());
  // Remember what was offered, for numbered answers.
  state_.offered.clear();
  state_.offered_titles.clear();
  if (turn_.result().replies_size() > 0) {
    for (const v1::QuickReplyOption& option : turn_.LastReply()->quick_replies()) {
      state_.offered.push_back(option.payload());
      state_.offered_titles.push_back(QuickReplyTitleHash(option.title()));
    }
  }
  turn_.result().set_language(state_.language);
  Trace()->set_state(Where());
  return absl::OkStatus();
}

std::string TurnRunner::Where() {
  if (state_.stack.empty()) return "(none)";
  return absl::StrCat(TopFlow().id(), "/", TopState().proto->id());
}

bool TurnRunner::Understood() const {
  const Understanding& u = turn_.understanding();
  return !u.intent.empty() && !u.out_of_scope && u.confidence >= config_.min_confidence;
}

void TurnRunner::ResetAfterIdle() {
  state_.stack.clear();
  state_.slots.clear();
  state_.last_shown.clear();
  state_.offered.clear();
  state_.wishes.clear();
  state_.misunderstood = 0;
  Note("idle: flow reset (cart kept)");
}

void TurnRunner::EnsureFrame() {
  if (state_.stack.empty()) {
    FlowFrame frame;
    frame.flow = graph_.start_flow();
    state_.stack.push_back(frame);
  }
}

absl::Status TurnRunner::HandleEvent() {
  const v1::Event& event = turn_.input().event();
  int flow = graph_.FlowForEvent(event.kind());
  // The host says a person joined or handed the conversation back, unless
  // the bundle routes those events itself.
  if (flow < 0) {
    if (std::optional<absl::Status> desk = DeskEvent(); desk.has_value()) return *desk;
  }
  if (flow < 0) {
    return absl::InvalidArgumentError(
        absl::StrCat("event kind \"", event.kind(), "\" is not routed by the bundle"));
  }
  silent_resume_ = true;
  turn_.AddEvent("event", {{"kind", event.kind()}});
  return PushFlow(flow, /*replace=*/false, absl::StrCat("event ", event.kind()));
}

absl::Status TurnRunner::HandlePayload(std::string_view payload) {
  EnsureFrame();
  // A button pressed while a person holds the conversation goes to them.
  if (state_.attendant == Attendant::kAgent) return WithPerson();
  FlowFrame& frame = Top();
  if (!state_.variant.asking.empty() && payload.starts_with("variant:")) {
    state_.variant.chosen.emplace_back(state_.variant.asking, std::string(payload.substr(8)));
    state_.variant.asking.clear();
    state_.misunderstood = 0;
    return Continue();
  }
  if (frame.entered && frame.asking >= 0 && payload.starts_with("product:")) {
    const SlotSpec& slot = TopFlow().slots[frame.asking];
    if (slot.type == SlotType::kProduct) {
      SlotValue value;
      value.type = SlotType::kProduct;
      value.text = std::string(payload.substr(8));
      value.display = executor_.ProductTitle(value.text);
      turn_.SetSlot(slot.name, std::move(value));
      state_.misunderstood = 0;
      frame.asking = -1;
      return Continue();
    }
  }
  if (frame.entered && frame.asking >= 0) {
    const SlotSpec& slot = TopFlow().slots[frame.asking];
    if (slot.type == SlotType::kChoice || slot.type == SlotType::kYesNo) {
      auto value = ValueForAskedSlot(slot, "", payload, turn_.understanding(), state_.last_shown,
                                     config_.currency);
      if (value.has_value()) {
        turn_.SetSlot(slot.name, value->first);
        state_.misunderstood = 0;
        frame.asking = -1;
        return Continue();
      }
    }
  }
  if (frame.entered) {
    for (const RouteSpec& route : TopState().routes) {
      if (route.proto->payload() == payload && route.condition.Evaluate(scope_)) {
        return TakeRoute(route, absl::StrCat("payload ", ToAbsl(payload)));
      }
    }
    // "slot=value" (the engine's own quick replies, a probing question's
    // answers): fills that text slot of the flow and runs the state again.
    if (size_t eq = payload.find('='); eq != std::string_view::npos) {
      for (const SlotSpec& slot : TopFlow().slots) {
        if (slot.type != SlotType::kText || slot.name != payload.substr(0, eq)) continue;
        SlotValue value;
        value.type = SlotType::kText;
        value.text = std::string(payload.substr(eq + 1));
        turn_.SetSlot(slot.name, std::move(value));
        Note(absl::StrCat("payload fills ", ToAbsl(slot.name)));
        return Continue();
      }
    }
  }
  for (const GlobalRouteSpec& global : graph_.global_routes()) {
    if (global.intent == payload) return TakeGlobal(global);
  }
  if (int flow = graph_.FlowTriggeredBy(payload); flow >= 0) {
    return PushFlow(flow, false, absl::StrCat("payload ", ToAbsl(payload)));
  }
  Note(absl::StrCat("unknown payload \"", ToAbsl(payload), "\""));
  return NotUnderstood();
}

absl::Status TurnRunner::HandleText() {
  EnsureFrame();
  if (state_.attendant != Attendant::kBot || !turn_.input().actor().empty()) return WithPerson();
  std::string_view text = turn_.input().text();
  // "2" picks the second offered quick reply on channels without buttons.
  int64_t pick = 0;
  if (!state_.offered.empty() &&
      absl::SimpleAtoi(absl::StripAsciiWhitespace(ToAbsl(text)), &pick) && pick >= 1 &&
      pick <= static_cast<int64_t>(state_.offered.size())) {
    std::string payload = state_.offered[pick - 1];
    Note(absl::StrCat("numbered answer ", pick, " -> payload ", payload));
    return HandlePayload(payload);
  }
  // The words of an offered button, typed: the button.
  if (!state_.offered_titles.empty()) {
    uint32_t typed = QuickReplyTitleHash(text);
    for (size_t i = 0; i < state_.offered_titles.size(); ++i) {
      if (state_.offered_titles[i] != typed) continue;
      std::string payload = state_.offered[i];
      Note(absl::StrCat("typed button title -> payload ", payload));
      return HandlePayload(payload);
    }
  }
  if (std::optional<absl::Status> done = RepairFirst()) return *done;
  if (std::optional<absl::Status> done = VariantAnswer()) return *done;
  // "Yes please" to "would you like a person?" (a bare yes: "ok 900 then"
  // and "ok. need headphones" say something else).
  if (config_.handoff_enabled && state_.person_offered && turn_.understanding().entities.empty() &&
      turn_.understanding().words.size() <= 4 &&
      (Top().asking < 0 || TopFlow().slots[Top().asking].type != SlotType::kYesNo) &&
      SaysYes(turn_.understanding())) {
    Note("yes to the offer of a person");
    return HandlePayload(config_.handoff_intent);
  }
  // A code of the store said ("TOYS5", "got BENVENUTO10 from your
  // newsletter", "does SCARPE15 work?"): the flow that applies codes,
  // whatever the classifier heard.
  if (std::optional<absl::Status> done = KnownCode(text)) return *done;
  reference_ = executor_.ResolveReference(turn_.understanding(), state_.last_shown,
                                          state_.shown.seen, state_.focus, WantsCatalogNames());
  if (std::optional<absl::Status> done = RemoveNamed()) return *done;
  if (std::optional<absl::Status> done = CorrectedCount()) return *done;
  if (std::optional<absl::Status> done = PointedQuestion()) return *done;
  if (std::optional<absl::Status> done = OtherSearchNamed()) return *done;
  if (std::optional<absl::Status> done = ChooseBoth()) return *done;
  executor_.AddWishes(turn_.understanding(), &state_.wishes);
  slots_before_ = state_.slots;
  bool asked_filled = FillSlots(text);
  if (asked_filled) {
    state_.misunderstood = 0;
    Top().asking = -1;
    return Continue();
  }
  if (std::optional<absl::Status> done = ShownActs()) return *done;
  if (Top().entered && TryStateRoutes()) return status_;
  if (std::optional<absl::Status> done = RerunOnChange()) return *done;
  if (std::optional<absl::Status> done = StoreQuestion(/*last_resort=*/false)) return *done;
  if (std::optional<absl::Status> done = CartActs()) return *done;
  // "Are you a real person?" is a question about the bot, not a request
  // for a person, whatever the bundle's classifier heard.
  if (turn_.understanding().Has(converse::ActKind::kAreYouBot)) {
    if (std::optional<absl::Status> done = LaterActs()) return *done;
  }
  bool heard = Understood();
  // A global answer (a flow that only says something, like a size guide)
  // heard in a longer statement that asks nothing ("need smart black
  // shoes, size 44, dont want to go over 150") is not what was asked.
  if (heard) {
    for (const GlobalRouteSpec& global : graph_.global_routes()) {
      if (global.intent != turn_.understanding().intent) continue;
      if (StatementNotAsking(global)) {
        Note(absl::StrCat("global ", global.intent, " not taken: a statement, not a question"));
        heard = false;
      }
      break;
    }
  }
  if (heard) {
    for (const GlobalRouteSpec& global : graph_.global_routes()) {
      if (global.intent == turn_.understanding().intent) return TakeGlobal(global);
    }
    int flow = graph_.FlowTriggeredBy(turn_.understanding().intent);
    if (flow >= 0 && EditsCart(turn_.understanding().intent, /*quantity_only=*/true)) {
      if (std::optional<absl::Status> done = CountOfProductNotInCart()) return *done;
    }
    // A flow that changes or removes cart lines has nothing to work on in
    // an empty cart: the words are taken some other way ("how strong is
    // it" is no quantity change).
    if (flow >= 0 && EditsCart(turn_.understanding().intent) && CartIsEmpty()) {
      Note(absl::StrCat("intent ", turn_.understanding().intent, " ignored: the cart is empty"));
      flow = -1;
      heard = false;
    }
    if (flow >= 0 && flow != Top().flow) {
      started_by_intent_ = flow;
      return PushFlow(flow, false, absl::StrCat("intent ", turn_.understanding().intent));
    }
  }
  if (std::optional<absl::Status> done = LaterActs()) return *done;
  if (std::optional<absl::Status> done = CatalogSearch()) return *done;
  // Nothing heard but a choice one flow asks for ("womens ankle boots with
  // a bit of a heel, size 39" names "boots" of the shoe search): that flow.
  if (!heard && Top().asking < 0) {
    // Several flows' choices named ("una moka da 6 tazze": the coffee
    // finder's method and the equipment's): the one whose search the
    // turn's wishes fit best, the first on a tie.
    int best = -1, best_fit = -1;
    std::string named;
    for (int f = 0; f < graph_.flow_count(); ++f) {
      const FlowSpec& flow = graph_.flow(f);
      if (f == Top().flow || flow.proto->trigger_intent_size() == 0) continue;
      for (const SlotSpec& slot : flow.slots) {
        if (slot.type != SlotType::kChoice || !MentionedChoice(slot, turn_.understanding()))
          continue;
        int fit = 0;
        if (!state_.wishes.empty()) {
          for (const StateSpec& state : flow.states) {
            for (const v1::Action& action : state.proto->action()) {
              if (action.has_recommend()) {
                fit = std::max(fit, executor_.WishesFitting(action.recommend(), turn_));
              }
            }
          }
        }
        if (fit > best_fit) {
          best = f;
          best_fit = fit;
          named = slot.name;
        }
        break;
      }
    }
    if (best >= 0) {
      started_by_intent_ = best;
      return PushFlow(best, false, absl::StrCat("a choice of it named (slot ", named, ")"));
    }
  }
  // No choice named, but facts a search takes ("need smart black shoes,
  // size 44, dont want to go over 150", "bianco, porto il 39"): said
  // outright, they start it before one word of the text names a few
  // products ("my gran has a samsung and wants to print pics ... nothing
  // over 150": the photo search, not the kiosk voucher "print" names);
  // counting the wishes its products meet, after.
  if (!heard && Top().asking < 0) {
    if (std::optional<absl::Status> done = SearchTakingFacts(/*count_wishes=*/false)) return *done;
  }
  if (std::optional<absl::Status> done = CatalogSearch(/*by_word=*/true)) return *done;
  if (!heard && Top().asking < 0) {
    if (std::optional<absl::Status> done = SearchTakingFacts(/*count_wishes=*/true)) return *done;
  }
  if (!Top().entered) {
    // A conversation's first words that start nothing: greet, then see
    // whether the start state's routes take them.
    CHATCART_RETURN_IF_ERROR(Enter(Top().state, "start"));
    if (Top().asking < 0 && TryStateRoutes()) return status_;
    return absl::OkStatus();
  }
  if (Top().asking >= 0) return FailedAnswer();
  return NotUnderstood();
}

std::optional<absl::Status> TurnRunner::SearchTakingFacts(bool count_wishes) {
  int best = -1, best_fit = -1;
  // The search flow that takes the most of the turn's facts, two at least;
  // on a tie the one the wishes fit best, then the first declared.
  int most = 2;
  for (int f = 0; f < graph_.flow_count(); ++f) {
    const FlowSpec& flow = graph_.flow(f);
    if (f == Top().flow || flow.proto->trigger_intent_size() == 0) continue;
    const v1::RecommendAction* search = SearchOf(f);
    if (search == nullptr) continue;
    std::vector<SlotType> taken;
    for (const Entity& e : turn_.understanding().entities) {
      // The category the search looks in, named ("mi serve una scarpa ...
      // porto il 43"): a fact it takes.
      if (e.type == "category" && !e.value.text.empty() &&
          std::find(taken.begin(), taken.end(), SlotType::kCategory) == taken.end()) {
        for (const std::string& where : search->where()) {
          if (absl::EqualsIgnoreCase(where, absl::StrCat("category=", e.value.text))) {
            taken.push_back(SlotType::kCategory);
            break;
          }
        }
        continue;
      }
      std::optional<SlotType> type = UnaskedSlotType(e.type);
      if (e.type == "number" && executor_.IsCatalogSize(e.text)) type = SlotType::kSize;
      if (!type.has_value() || *type == SlotType::kProduct || *type == SlotType::kQuantity ||
          SlotOfType(flow, *type) == nullptr ||
          std::find(taken.begin(), taken.end(), *type) != taken.end()) {
        continue;
      }
      taken.push_back(*type);
    }
    // Wishes its products can meet count too ("needs 16gb ram minimum"
    // besides a budget: the laptop search).
    const int fit = state_.wishes.empty() ? 0 : executor_.WishesFitting(*search, turn_);
    const int count = static_cast<int>(taken.size()) + (count_wishes ? fit : 0);
    if (count < most) continue;
    if (count > most || fit > best_fit) {
      best = f;
      best_fit = fit;
      most = count;
    }
  }
  if (best < 0) return std::nullopt;
  started_by_intent_ = best;
  return PushFlow(best, false, absl::StrCat("facts it takes said (", most, ")"));
}

absl::Status TurnRunner::FailedAnswer() {
  FlowFrame& frame = Top();
  ++state_.misunderstood;
  const SlotSpec& slot = TopFlow().slots[frame.asking];
  int attempts = frame.attempts + 1;
  turn_.AddEvent("slot_not_filled", {{"slot", slot.name}});
  if (attempts < slot.max_attempts) {
    Ask(frame.asking, attempts);
    return absl::OkStatus();
  }
  frame.asking = -1;
  if (slot.on_failure_state >= 0) {
    return Enter(slot.on_failure_state, absl::StrCat("slot ", slot.name, " failed"));
  }
  turn_.Say("chatcart.not_understood");
  if (config_.handoff_enabled) {
    OfferHuman();
    return absl::OkStatus();
  }
  Note(absl::StrCat(Where(), " ends (slot ", slot.name, " failed)"));
  return PopAndResume();
}

absl::Status TurnRunner::NotUnderstood() {
  ++state_.misunderstood;
  turn_.AddEvent("not_understood", {});
  turn_.Say("chatcart.not_understood");
  if (config_.handoff_enabled && state_.misunderstood >= config_.offer_human_after) {
    OfferHuman();
  } else if (Top().entered) {
    if (Top().asking >= 0) {
      Ask(Top().asking, Top().attempts);
    } else {
      AttachQuickReplies(TopState());
    }
  }
  return absl::OkStatus();
}

void TurnRunner::OfferHuman() {
  v1::Reply* reply = turn_.Say("chatcart.offer_human");
  v1::QuickReplyOption* option = reply->add_quick_replies();
  option->set_title(RenderTitle("chatcart.human"));
  option->set_payload(config_.handoff_intent);
}

absl::Status TurnRunner::StepLimit() {
  Note("step limit reached: the bundle's routes loop within one turn");
  return absl::FailedPreconditionError(
      absl::StrCat("turn stopped after ", config_.max_steps_per_turn, " steps at ", Where(),
                   ": the bundle's routes loop without waiting"));
}

// ---------------------------------------------------------------- Runtime

Runtime::Runtime(const FlowGraph& graph, const TemplateCatalog& templates, RuntimeConfig config)
    : graph_(graph), templates_(templates), config_(std::move(config)) {}

absl::Status Runtime::HandleTurn(const v1::TurnInput& input, const Understanding& understanding,
                                 ActionExecutor& executor, DialogueState& state,
                                 v1::TurnResult* result) const {
  TurnContext turn(templates_, config_, input, understanding, state, executor, result);
  TurnRunner runner(*this, turn, state, executor);
  return runner.Run();
}

}  // namespace chatcart::dialogue
