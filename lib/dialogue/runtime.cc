// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/runtime.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/ascii.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "dialogue/channel.h"
#include "dialogue/slot_filler.h"

namespace chatcart::dialogue {

// ---------------------------------------------------------------- TurnRunner

// One turn's decisions. Kept apart from TurnContext so actions see only what
// they may use.
class TurnRunner {
 public:
  TurnRunner(const Runtime& runtime, TurnContext& turn, DialogueState& state,
             ActionExecutor& executor)
      : graph_(runtime.graph()),
        templates_(runtime.templates()),
        config_(runtime.config()),
        turn_(turn),
        state_(state),
        executor_(executor),
        scope_(*this) {}

  absl::Status Run() {
    const v1::TurnInput& input = turn_.input();
    const int64_t now_ms = absl::ToUnixMillis(turn_.time());
    if (config_.idle_reset_ms > 0 && state_.last_turn_unix_ms > 0 &&
        now_ms - state_.last_turn_unix_ms > config_.idle_reset_ms) {
      ResetAfterIdle();
    }
    state_.last_turn_unix_ms = now_ms;
    ++state_.turns;
    const Understanding& u = turn_.understanding();
    if (!u.language.empty()) state_.language = u.language;
    if (state_.language.empty() && !templates_.locales().empty()) {
      std::string_view locale = templates_.locales().front();
      state_.language = std::string(locale.substr(0, locale.find_first_of("-_")));
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

 private:
  class Scope : public ConditionScope {
   public:
    explicit Scope(TurnRunner& runner) : runner_(runner) {}
    std::optional<ConditionValue> Lookup(std::string_view operand) const override {
      std::string_view name = operand;
      std::string_view field;
      if (size_t dot = operand.find('.'); dot != std::string_view::npos) {
        name = operand.substr(0, dot);
        field = operand.substr(dot + 1);
      }
      if (const SlotValue* value = runner_.turn_.Slot(name)) {
        return SlotConditionValue(*value, field);
      }
      if (operand == "session.turns") return static_cast<int64_t>(runner_.state_.turns);
      if (operand == "state.fresh") {
        const FlowFrame& top = runner_.Top();
        return runner_.fresh_ ==
               std::make_tuple(runner_.state_.stack.size(), top.flow, top.state);
      }
      return runner_.executor_.Lookup(operand);
    }

   private:
    TurnRunner& runner_;
  };

  v1::Trace* Trace() { return turn_.result().mutable_trace(); }
  FlowFrame& Top() { return state_.stack.back(); }
  const FlowSpec& TopFlow() { return graph_.flow(Top().flow); }
  const StateSpec& TopState() { return TopFlow().states[Top().state]; }
  std::string Where() {
    if (state_.stack.empty()) return "(none)";
    return absl::StrCat(TopFlow().id(), "/", TopState().proto->id());
  }
  void Note(std::string_view what) { Trace()->add_transitions(std::string(what)); }

  bool Understood() const {
    const Understanding& u = turn_.understanding();
    return !u.intent.empty() && !u.out_of_scope && u.confidence >= config_.min_confidence;
  }

  void ResetAfterIdle() {
    state_.stack.clear();
    state_.slots.clear();
    state_.last_shown.clear();
    state_.offered.clear();
    state_.misunderstood = 0;
    Note("idle: flow reset (cart kept)");
  }

  void EnsureFrame() {
    if (state_.stack.empty()) {
      FlowFrame frame;
      frame.flow = graph_.start_flow();
      state_.stack.push_back(frame);
    }
  }

  // ---- input kinds

  absl::Status HandleEvent() {
    const v1::Event& event = turn_.input().event();
    int flow = graph_.FlowForEvent(event.kind());
    if (flow < 0) {
      return absl::InvalidArgumentError(
          absl::StrCat("event kind \"", event.kind(), "\" is not routed by the bundle"));
    }
    silent_resume_ = true;
    turn_.AddEvent("event", {{"kind", event.kind()}});
    return PushFlow(flow, /*replace=*/false, absl::StrCat("event ", event.kind()));
  }

  absl::Status HandlePayload(std::string_view payload) {
    EnsureFrame();
    FlowFrame& frame = Top();
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

  absl::Status HandleText() {
    EnsureFrame();
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
    bool asked_filled = FillSlots(text);
    if (asked_filled) {
      state_.misunderstood = 0;
      Top().asking = -1;
      return Continue();
    }
    if (Top().entered && TryStateRoutes()) return status_;
    if (Understood()) {
      for (const GlobalRouteSpec& global : graph_.global_routes()) {
        if (global.intent == turn_.understanding().intent) return TakeGlobal(global);
      }
      int flow = graph_.FlowTriggeredBy(turn_.understanding().intent);
      if (flow >= 0 && flow != Top().flow) {
        return PushFlow(flow, false, absl::StrCat("intent ", turn_.understanding().intent));
      }
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

  // ---- slots

  // Fills the asked slot and, from unambiguous entities, other slots of the
  // top flow. Returns whether the asked slot was filled.
  bool FillSlots(std::string_view text) {
    FlowFrame& frame = Top();
    const FlowSpec& flow = TopFlow();
    const Understanding& u = turn_.understanding();
    std::vector<bool> used(u.entities.size(), false);
    bool asked_filled = false;
    if (frame.entered && frame.asking >= 0) {
      auto value = ValueForAskedSlot(flow.slots[frame.asking], text, "", u, state_.last_shown,
                                     config_.currency);
      if (value.has_value()) {
        turn_.SetSlot(flow.slots[frame.asking].name, value->first);
        if (value->second >= 0) used[value->second] = true;
        asked_filled = true;
      }
    }
    FillUnasked(flow, &used);
    FillCode(flow, text);
    return asked_filled;
  }

  // A word that looks like a discount code fills an unknown code slot.
  void FillCode(const FlowSpec& flow, std::string_view text) {
    const SlotSpec* target = SlotOfType(flow, SlotType::kCode);
    if (target == nullptr || turn_.Slot(target->name) != nullptr) return;
    std::string code = FindCode(text, /*asked=*/false);
    if (code.empty()) return;
    SlotValue value;
    value.type = SlotType::kCode;
    value.text = code;
    value.display = code;
    turn_.SetSlot(target->name, std::move(value));
  }

  // The first slot of `flow` of `type`: an unknown one, else the first.
  const SlotSpec* SlotOfType(const FlowSpec& flow, SlotType type) {
    const SlotSpec* target = nullptr;
    for (const SlotSpec& slot : flow.slots) {
      if (slot.type != type) continue;
      if (turn_.Slot(slot.name) == nullptr) return &slot;
      if (target == nullptr) target = &slot;
    }
    return target;
  }

  void FillUnasked(const FlowSpec& flow, std::vector<bool>* used) {
    const Understanding& u = turn_.understanding();
    for (size_t i = 0; i < u.entities.size(); ++i) {
      if ((*used)[i]) continue;
      const Entity& entity = u.entities[i];
      if (entity.type == "compatibility") {
        const SlotSpec* target = SlotOfType(flow, SlotType::kCompatibility);
        std::optional<SlotValue> all = JoinedCompatibility(u);
        if (target != nullptr && all.has_value()) turn_.SetSlot(target->name, *std::move(all));
        for (size_t j = 0; j < u.entities.size(); ++j) {
          if (u.entities[j].type == "compatibility") (*used)[j] = true;
        }
        continue;
      }
      if (entity.type == "ordinal") {
        const SlotSpec* target = SlotOfType(flow, SlotType::kProduct);
        int64_t n = entity.value.number;
        if (n == -1) n = static_cast<int64_t>(state_.last_shown.size());  // "the last one"
        if (target != nullptr && n >= 1 && n <= static_cast<int64_t>(state_.last_shown.size())) {
          SlotValue value;
          value.type = SlotType::kProduct;
          value.text = state_.last_shown[n - 1];
          value.display = entity.text;
          turn_.SetSlot(target->name, std::move(value));
          (*used)[i] = true;
        }
        continue;
      }
      std::optional<SlotType> type = UnaskedSlotType(entity.type);
      if (!type.has_value()) continue;
      const SlotSpec* target = SlotOfType(flow, *type);  // a restated value replaces
      if (target == nullptr) continue;
      SlotValue value = u.entities[i].value;
      value.type = *type;
      if (value.display.empty()) value.display = u.entities[i].text;
      turn_.SetSlot(target->name, std::move(value));
      (*used)[i] = true;
    }
    // Multiple-choice slots still unknown, named in passing by a value or
    // synonym ("a gift for my son, he loves lego"); a product slot pointed
    // at ("add it" after a product card).
    for (const SlotSpec& slot : flow.slots) {
      if (slot.type == SlotType::kProduct && turn_.Slot(slot.name) == nullptr) {
        if (std::optional<SlotValue> value = ProductByPronoun(u, state_.last_shown)) {
          turn_.SetSlot(slot.name, *std::move(value));
        }
        continue;
      }
      if (slot.type != SlotType::kChoice || turn_.Slot(slot.name) != nullptr) continue;
      if (std::optional<SlotValue> value = MentionedChoice(slot, u)) {
        turn_.SetSlot(slot.name, *std::move(value));
      }
    }
  }

  // ---- moving

  absl::Status Enter(int state_index, std::string_view why) {
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

  // Asks what the state still needs, or runs its actions and moves on.
  absl::Status Continue() {
    if (++steps_ > config_.max_steps_per_turn) return StepLimit();
    const StateSpec& state = TopState();
    for (int slot : state.require) {
      if (turn_.Slot(TopFlow().slots[slot].name) == nullptr) {
        Ask(slot, 0);
        return absl::OkStatus();
      }
    }
    const FlowSpec* flow = &TopFlow();
    const size_t depth = state_.stack.size();
    for (const v1::Action& action : state.proto->action()) {
      CHATCART_RETURN_IF_ERROR(Execute(action, *flow));
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

  void Ask(int slot_index, int attempt) {
    FlowFrame& frame = Top();
    frame.asking = slot_index;
    frame.attempts = attempt;
    const SlotSpec& slot = TopFlow().slots[slot_index];
    const v1::Slot& proto = *slot.proto;
    if (attempt > 0 && proto.reprompt_size() == 0) turn_.Say("chatcart.not_understood");
    const std::string& id = (attempt == 0 || proto.reprompt_size() == 0)
                                ? proto.prompt()
                                : proto.reprompt(std::min(attempt, proto.reprompt_size()) - 1);
    v1::Reply* reply = turn_.Say(id);
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

  // A template rendered to plain text without becoming a reply.
  std::string RenderTitle(std::string_view id) {
    const std::vector<Template>* variants = templates_.Find(turn_.locale(), id);
    if (variants == nullptr || variants->empty()) return std::string(id);
    return (*variants)[0].Render(templates_.Format(turn_.locale()), {});
  }

  void AttachQuickReplies(const StateSpec& state) {
    if (state.proto->quick_reply_size() == 0) return;
    v1::Reply* reply = turn_.LastReply();
    for (const v1::QuickReply& quick : state.proto->quick_reply()) {
      v1::QuickReplyOption* option = reply->add_quick_replies();
      option->set_title(RenderTitle(quick.title()));
      option->set_payload(quick.payload());
    }
  }

  absl::Status Execute(const v1::Action& action, const FlowSpec& flow) {
    switch (action.kind_case()) {
      case v1::Action::kSay:
        turn_.Say(action.say().template_());
        return absl::OkStatus();
      case v1::Action::kSetSlot: {
        int index = flow.FindSlot(action.set_slot().slot());
        if (index < 0) return absl::OkStatus();  // validated at load
        std::optional<SlotValue> value = SlotValueFromLiteral(
            flow.slots[index].type, action.set_slot().value(), config_.currency);
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

  absl::Status TakeRoute(const RouteSpec& route, std::string_view why) {
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

  bool TryStateRoutes() {
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

  absl::Status TakeGlobal(const GlobalRouteSpec& global) {
    if (!state_.stack.empty() && Top().flow == global.flow && !global.replace) {
      // Already in that flow: start it over rather than stacking it twice.
      state_.stack.pop_back();
    }
    state_.misunderstood = 0;
    return PushFlow(global.flow, global.replace, absl::StrCat("global ", global.intent));
  }

  absl::Status PushFlow(int flow, bool replace, std::string_view why) {
    std::string from = Where();
    if (replace) state_.stack.clear();
    // Drop a first flow that never started: it would greet after this one.
    if (!state_.stack.empty() && !Top().entered) state_.stack.pop_back();
    FlowFrame frame;
    frame.flow = flow;
    state_.stack.push_back(frame);
    std::vector<bool> used(turn_.understanding().entities.size(), false);
    if (turn_.input().event().kind().empty()) {
      FillUnasked(graph_.flow(flow), &used);
      FillCode(graph_.flow(flow), turn_.input().text());
    }
    turn_.AddEvent("flow_started", {{"flow", graph_.flow(flow).id()}});
    Note(absl::StrCat(from, " => flow ", graph_.flow(flow).id(), " (", ToAbsl(why), ")"));
    return Enter(0, "flow start");
  }

  absl::Status PopAndResume() {
    state_.stack.pop_back();
    if (state_.stack.empty()) {
      FlowFrame frame;  // back to the start flow, entered on the next words
      frame.flow = graph_.start_flow();
      state_.stack.push_back(frame);
      return absl::OkStatus();
    }
    FlowFrame& parent = Top();
    Note(absl::StrCat("resume ", Where()));
    if (silent_resume_ || !parent.entered) return absl::OkStatus();
    if (parent.asking >= 0) {
      turn_.Say("chatcart.resume");
      Ask(parent.asking, 0);
    } else {
      AttachQuickReplies(TopState());
    }
    return absl::OkStatus();
  }

  // ---- failures

  absl::Status FailedAnswer() {
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

  absl::Status NotUnderstood() {
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

  void OfferHuman() {
    v1::Reply* reply = turn_.Say("chatcart.offer_human");
    v1::QuickReplyOption* option = reply->add_quick_replies();
    option->set_title(RenderTitle("chatcart.human"));
    option->set_payload(config_.handoff_intent);
  }

  absl::Status StepLimit() {
    Note("step limit reached: the bundle's routes loop within one turn");
    return absl::FailedPreconditionError(
        absl::StrCat("turn stopped after ", config_.max_steps_per_turn, " steps at ", Where(),
                     ": the bundle's routes loop without waiting"));
  }

  const FlowGraph& graph_;
  const TemplateCatalog& templates_;
  const RuntimeConfig& config_;
  TurnContext& turn_;
  DialogueState& state_;
  ActionExecutor& executor_;
  Scope scope_;
  int steps_ = 0;
  // The state last entered in this turn (stack depth, flow, state).
  std::tuple<size_t, int, int> fresh_{0, -1, -1};
  bool silent_resume_ = false;
  absl::Status status_;  // of a route taken inside TryStateRoutes
};

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
