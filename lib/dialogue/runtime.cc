// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "dialogue/runtime.h"

#include <algorithm>
#include <tuple>

#include "absl/strings/ascii.h"
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

bool TurnRunner::OnlySays(int flow) const {
  const FlowSpec& spec = graph_.flow(flow);
  if (!spec.slots.empty()) return false;
  for (const StateSpec& state : spec.states) {
    if (state.proto->action_size() > 0 || state.routes.size() > 0) return false;
  }
  return true;
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
  if (std::optional<absl::Status> done = PointedQuestion()) return *done;
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
      if (OnlySays(global.flow) && !turn_.understanding().Has(converse::ActKind::kQuestion) &&
          turn_.understanding().words.size() > 6) {
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
  if (std::optional<absl::Status> done = CatalogSearch(/*by_word=*/true)) return *done;
  if (!heard && Top().asking < 0) {
    int best = -1, best_fit = -1;
    // No choice named, but facts a search takes ("need smart black shoes,
    // size 44, dont want to go over 150", "bianco, porto il 39"): the
    // search flow that takes the most of them, two at least; on a tie the
    // one the wishes fit best, then the first declared.
    int most = 2;
    for (int f = 0; f < graph_.flow_count(); ++f) {
      const FlowSpec& flow = graph_.flow(f);
      if (f == Top().flow || flow.proto->trigger_intent_size() == 0) continue;
      const v1::RecommendAction* search = nullptr;
      for (const StateSpec& state : flow.states) {
        for (const v1::Action& action : state.proto->action()) {
          if (action.has_recommend() && search == nullptr) search = &action.recommend();
        }
      }
      if (search == nullptr) continue;
      std::vector<SlotType> taken;
      for (const Entity& e : turn_.understanding().entities) {
        std::optional<SlotType> type = UnaskedSlotType(e.type);
        if (e.type == "number" && executor_.IsCatalogSize(e.text)) type = SlotType::kSize;
        if (!type.has_value() || *type == SlotType::kProduct || *type == SlotType::kQuantity ||
            SlotOfType(flow, *type) == nullptr ||
            std::find(taken.begin(), taken.end(), *type) != taken.end()) {
          continue;
        }
        taken.push_back(*type);
      }
      const int count = static_cast<int>(taken.size());
      if (count < most) continue;
      const int fit = state_.wishes.empty() ? 0 : executor_.WishesFitting(*search, turn_);
      if (count > most || fit > best_fit) {
        best = f;
        best_fit = fit;
        most = count;
      }
    }
    if (best >= 0) {
      started_by_intent_ = best;
      return PushFlow(best, false, absl::StrCat("facts it takes said (", most, ")"));
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

bool TurnRunner::WantsCatalogNames() {
  const Understanding& u = turn_.understanding();
  if (u.Has(converse::ActKind::kChoose) || u.Has(converse::ActKind::kQuestion)) return true;
  auto has_product_slot = [&](int flow) {
    if (flow < 0) return false;
    for (const SlotSpec& slot : graph_.flow(flow).slots) {
      if (slot.type == SlotType::kProduct) return true;
    }
    return false;
  };
  if (Top().entered && Top().asking >= 0 &&
      TopFlow().slots[Top().asking].type == SlotType::kProduct) {
    return true;
  }
  return Understood() && has_product_slot(graph_.FlowTriggeredBy(u.intent));
}

bool TurnRunner::FillSlots(std::string_view text) {
  FlowFrame& frame = Top();
  const FlowSpec& flow = TopFlow();
  const Understanding& u = turn_.understanding();
  std::vector<bool> used(u.entities.size(), false);
  bool asked_filled = false;
  if (frame.entered && frame.asking >= 0) {
    const SlotSpec& asked = flow.slots[frame.asking];
    auto value = ValueForAskedSlot(asked, text, "", u, state_.last_shown, config_.currency);
    // A product the engine resolved ("the Lumo", "the cheaper one") answers
    // "which one?" when the ordinals and pronouns did not.
    if (asked.type == SlotType::kProduct && !reference_.id.empty() &&
        (!value.has_value() || value->first.text != reference_.id)) {
      SlotValue product;
      product.type = SlotType::kProduct;
      product.text = reference_.id;
      product.display = reference_.said;
      value = std::make_pair(std::move(product), -1);
    }
    if (!value.has_value()) {
      if (std::optional<SlotValue> any = NoPreference(asked)) value = std::make_pair(*any, -1);
    }
    if (value.has_value()) {
      turn_.SetSlot(asked.name, value->first);
      if (value->second >= 0) used[value->second] = true;
      asked_filled = true;
    }
  }
  FillUnasked(flow, &used);
  FillCode(flow, text);
  FillChatShorthand(flow, u);
  return asked_filled;
}

void TurnRunner::FillChatShorthand(const FlowSpec& flow, const Understanding& u) {
  const Entity* number = nullptr;
  bool money = false;
  bool age_said = false;
  for (const Entity& e : u.entities) {
    if (e.type == "number" && number == nullptr) number = &e;
    if (e.type == "money") money = true;
    if (e.type == "age") age_said = true;
  }
  if (number == nullptr) return;
  // "hes 7", "she's 9", "he just turned 10", "quella di 10": an age, also
  // beside a budget ("hes 7, likes lego, max 40").
  const SlotSpec* age = SlotOfType(flow, SlotType::kAge);
  if (age != nullptr && !age_said && number->value.number >= 0 && number->value.number <= 18) {
    static constexpr std::string_view kCue[] = {"hes",    "shes",    "s",    "is",
                                                "turned", "turning", "di",   "de",
                                                "da",     "compie",  "fait", "compiuto"};
    for (size_t i = 1; i < u.words.size(); ++i) {
      if (u.words[i] != number->text) continue;
      if (std::find(std::begin(kCue), std::end(kCue), u.words[i - 1]) == std::end(kCue)) continue;
      SlotValue value;
      value.type = SlotType::kAge;
      value.number = number->value.number;
      value.display = number->text;
      turn_.SetSlot(age->name, std::move(value));
      return;
    }
  }
  if (money || age_said) return;
  // "ho il 42", "porto il 39", "I'm a 42", "je fais du 39", "nel 40": a
  // shoe size.
  const SlotSpec* size = SlotOfType(flow, SlotType::kSize);
  if (size != nullptr && number->value.number >= 15 && number->value.number <= 50) {
    static constexpr std::string_view kCue[] = {"il",   "a",      "du",       "nel",     "in",
                                                "un",   "porto",  "calzo",    "taglia",  "numero",
                                                "size", "taille", "pointure", "chausse", "eu"};
    // Without a cue, a shoe-size number in a flow that asks no age.
    const bool plain = SlotOfType(flow, SlotType::kAge) == nullptr && number->value.number >= 30 &&
                       number->value.number <= 50;
    for (size_t i = 0; i < u.words.size(); ++i) {
      if (u.words[i] != number->text) continue;
      if (!plain && (i == 0 || std::find(std::begin(kCue), std::end(kCue), u.words[i - 1]) ==
                                   std::end(kCue))) {
        continue;
      }
      SlotValue value;
      value.type = SlotType::kSize;
      value.text = absl::StrCat(number->value.number);
      value.display = number->text;
      turn_.SetSlot(size->name, std::move(value));
      return;
    }
  }
  // "ok 900 then" after a search with a budget: the new most to spend.
  if (!Top().entered || Top().asking >= 0 || state_.last_shown.empty() || u.words.size() > 5 ||
      number->value.number < 5) {
    return;
  }
  for (const v1::Action& action : TopState().proto->action()) {
    if (!action.has_recommend() || action.recommend().budget_slot().empty()) continue;
    std::optional<SlotValue> budget = SlotValueFromLiteral(
        SlotType::kMoney, absl::StrCat(number->value.number), config_.currency);
    if (!budget.has_value()) return;
    budget->display = number->text;
    turn_.SetSlot(action.recommend().budget_slot(), *std::move(budget));
    return;
  }
}

std::optional<absl::Status> TurnRunner::KnownCode(std::string_view text) {
  const std::string code = FindCode(text, /*asked=*/false);
  if (code.empty() || !executor_.IsDiscountCode(code)) return std::nullopt;
  // A flow asking for a code takes it as its answer.
  if (Top().entered && Top().asking >= 0 && TopFlow().slots[Top().asking].type == SlotType::kCode) {
    return std::nullopt;
  }
  for (int f = 0; f < graph_.flow_count(); ++f) {
    const FlowSpec& flow = graph_.flow(f);
    if (flow.proto->trigger_intent_size() == 0 || SlotOfType(flow, SlotType::kCode) == nullptr) {
      continue;
    }
    state_.misunderstood = 0;
    if (Top().flow == f) state_.stack.pop_back();
    return PushFlow(f, false, absl::StrCat("a code of the store said (", code, ")"));
  }
  return std::nullopt;
}

void TurnRunner::FillCode(const FlowSpec& flow, std::string_view text) {
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

const SlotSpec* TurnRunner::SlotOfType(const FlowSpec& flow, SlotType type) {
  const SlotSpec* target = nullptr;
  for (const SlotSpec& slot : flow.slots) {
    if (slot.type != type) continue;
    if (turn_.Slot(slot.name) == nullptr) return &slot;
    if (target == nullptr) target = &slot;
  }
  return target;
}

void TurnRunner::FillUnasked(const FlowSpec& flow, std::vector<bool>* used) {
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
    // "Running shoes under 100, mens 43": a bare number that is a size the
    // catalog sells fills a size slot still unknown.
    if (entity.type == "number" && entity.value.number > 0) {
      const SlotSpec* size = SlotOfType(flow, SlotType::kSize);
      const std::string text = absl::StrCat(entity.value.number);
      if (size != nullptr && turn_.Slot(size->name) == nullptr && executor_.IsCatalogSize(text)) {
        SlotValue value;
        value.type = SlotType::kSize;
        value.text = text;
        value.display = entity.text;
        turn_.SetSlot(size->name, std::move(value));
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
    if (value.type == SlotType::kSize && value.text.starts_with("EU ")) {
      value.text = value.text.substr(3);
    }
    turn_.SetSlot(target->name, std::move(value));
    (*used)[i] = true;
  }
  // Multiple-choice slots still unknown, named in passing by a value or
  // synonym ("a gift for my son, he loves lego"); a product slot pointed
  // at ("add it" after a product card).
  // "Money isn't an issue", "il prezzo non conta": the budget, any (when
  // not said); "peu importe la couleur", "any brand": that slot, any, even
  // over a value said before.
  std::string preference;
  if (converse::HasAct(u.acts, converse::ActKind::kNoPreference, &preference)) {
    const std::optional<SlotType> named = preference == "budget"   ? SlotType::kMoney
                                          : preference == "colour" ? SlotType::kColour
                                          : preference == "brand"  ? SlotType::kBrand
                                                                   : std::optional<SlotType>();
    const SlotSpec* slot = named.has_value() ? SlotOfType(flow, *named) : nullptr;
    const SlotValue* known = slot != nullptr ? turn_.Slot(slot->name) : nullptr;
    if (slot != nullptr && (known == nullptr || (*named != SlotType::kMoney && !known->any))) {
      SlotValue any;
      any.type = *named;
      any.any = true;
      any.display = std::string(turn_.input().text());
      turn_.SetSlot(slot->name, std::move(any));
    }
  }
  for (const SlotSpec& slot : flow.slots) {
    if (slot.type == SlotType::kProduct && turn_.Slot(slot.name) == nullptr) {
      if (!reference_.id.empty()) {
        SlotValue value;
        value.type = SlotType::kProduct;
        value.text = reference_.id;
        value.display = reference_.said;
        turn_.SetSlot(slot.name, std::move(value));
      } else if (std::optional<SlotValue> value = ProductByPronoun(u, state_.last_shown)) {
        turn_.SetSlot(slot.name, *std::move(value));
      }
      continue;
    }
    if (slot.type != SlotType::kChoice) continue;
    // A choice named anew replaces the old one ("anzi no, stivali"), unless
    // the text names it only as something not wanted ("niente lego").
    const SlotValue* known = turn_.Slot(slot.name);
    std::optional<SlotValue> value = MentionedChoice(slot, u);
    if (!value.has_value() || (known != nullptr && known->text == value->text)) continue;
    // Not when named in a question that asks what, which or how ("quanto
    // costano i mocassini?" asks of them), but when in one that asks for
    // it ("mi fai vedere una ballerina nera nel 39?", "avete dei sandali?").
    if (known != nullptr && (u.Has(converse::ActKind::kExclude) ||
                             (u.Has(converse::ActKind::kQuestion) && AsksWhat(u)))) {
      continue;
    }
    turn_.SetSlot(slot.name, *std::move(value));
  }
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
