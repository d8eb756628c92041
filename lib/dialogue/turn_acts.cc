// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The conversation acts every bundle gets (converse/acts.h), decided in the
// context of the turn: the question just asked, the products just shown
// (and the search that showed them), the product in focus. Critiques run the
// shown search again through the executor; references fill product slots;
// questions about products and the store are answered from catalog facts
// and the cart policy; small talk and repair keep the flow where it was.

#include <algorithm>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "common/status_macros.h"
#include "common/strings.h"
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

bool IsCritique(const Understanding& u) {
  for (ActKind kind :
       {ActKind::kCheaper, ActKind::kPricier, ActKind::kOtherBrand, ActKind::kSomethingElse,
        ActKind::kExclude, ActKind::kMoreLike, ActKind::kMoreOf, ActKind::kLessOf}) {
    if (u.Has(kind)) return true;
  }
  return false;
}

// A critique that asks for other products, not only "not X" (which, with
// products found by name, is as often a word of a question: "la bici senza
// pedali ha la sella regolabile?").
bool AsksForOthers(const Understanding& u) {
  return IsCritique(u) &&
         !(u.Has(ActKind::kExclude) && !u.Has(ActKind::kCheaper) && !u.Has(ActKind::kPricier) &&
           !u.Has(ActKind::kOtherBrand) && !u.Has(ActKind::kSomethingElse) &&
           !u.Has(ActKind::kMoreLike) && !u.Has(ActKind::kMoreOf) && !u.Has(ActKind::kLessOf));
}

// The template that introduces refined picks, by the critique asked.
std::string_view RefinedIntro(const Understanding& u) {
  if (u.Has(ActKind::kCheaper)) return "chatcart.refined_cheaper";
  if (u.Has(ActKind::kPricier)) return "chatcart.refined_pricier";
  if (u.Has(ActKind::kOtherBrand)) return "chatcart.refined_other_brand";
  if (u.Has(ActKind::kMoreLike)) return "chatcart.refined_similar";
  if (u.Has(ActKind::kSomethingElse)) return "chatcart.refined_else";
  return "chatcart.refined";
}

// Words that point at several products at once ("those", "them", "both").
bool PointsAtAll(const Understanding& u) {
  static constexpr std::string_view kAll[] = {
      "those",  "these",  "them",   "they",     "both",     "all",   "each",  "questi",
      "queste", "quelli", "quelle", "entrambi", "entrambe", "tutti", "tutte", "ces",
      "ceux",   "celles", "tous",   "toutes",   "les deux", "deux"};
  for (const std::string& word : u.words) {
    if (std::find(std::begin(kAll), std::end(kAll), word) != std::end(kAll)) return true;
  }
  return false;
}

}  // namespace

// ---------------------------------------------------------------- a person

absl::Status TurnRunner::WithPerson() {
  const v1::TurnInput& input = turn_.input();
  if (!input.actor().empty()) {
    // A person's own words reach the shopper as they are.
    turn_.SayText(input.text());
    turn_.AddEvent("agent_message", {{"agent", input.actor()}});
    return absl::OkStatus();
  }
  turn_.AddEvent("shopper_message_for_agent", {});
  turn_.AddHostAction("relay_to_agent",
                      {{"text", input.text().empty() ? input.payload() : input.text()}});
  if (state_.attendant == Attendant::kQueued) {
    turn_.Say("chatcart.person_coming");
  }
  return absl::OkStatus();
}

std::optional<absl::Status> TurnRunner::DeskEvent() {
  const v1::Event& event = turn_.input().event();
  auto param = [&](std::string_view key) -> std::string {
    auto it = event.param().find(std::string(key));
    return it == event.param().end() ? "" : it->second;
  };
  auto queued = [&] {
    if (state_.attendant != Attendant::kQueued) turn_.SetAttendant(Attendant::kQueued);
  };
  // "People ahead of you: 2. Estimated wait: about 4 minutes."
  auto position = [&] {
    int64_t ahead = 0;
    if (!absl::SimpleAtoi(param("ahead"), &ahead) || ahead < 0) ahead = 0;
    const std::string wait = param("wait");
    turn_.AddEvent("queue_position", {{"ahead", absl::StrCat(ahead)}});
    turn_.Say("chatcart.queue_position",
              {{"ahead", ahead}, {"has_wait", wait.empty() ? "no" : "yes"}, {"wait", wait}});
  };
  const std::string& kind = event.kind();
  if (kind == "agent_joined") {
    const std::string name = param("agent");
    const std::string reference = param("reference");
    const std::string id = param("agent_id");
    turn_.SetAttendant(Attendant::kAgent, id.empty() ? name : id);
    turn_.AddEvent("agent_joined", {{"agent", name}});
    if (reference.empty()) {
      turn_.Say("chatcart.agent_joined", {{"agent", name}});
    } else {
      turn_.Say("chatcart.agent_joined_ref", {{"agent", name}, {"reference", reference}});
    }
    return absl::OkStatus();
  }
  if (kind == "handed_back") {
    turn_.SetAttendant(Attendant::kBot);
    turn_.AddEvent("handed_back", {});
    turn_.Say("chatcart.bot_back");
    return absl::OkStatus();
  }
  if (kind == "queue_position") {
    queued();
    position();
    return absl::OkStatus();
  }
  if (kind == "requeued") {
    queued();
    turn_.Say("chatcart.requeued", {{"agent", param("agent")}});
    position();
    return absl::OkStatus();
  }
  if (kind == "queue_full" || kind == "message_left") {
    // The desk keeps it with the bot (full) or as a message for later.
    turn_.SetAttendant(Attendant::kBot);
    turn_.AddEvent(kind, {});
    turn_.Say(kind == "queue_full" ? "chatcart.queue_full" : "chatcart.message_left");
    return absl::OkStatus();
  }
  if (kind == "wait_exceeded") {
    turn_.AddEvent(kind, {});
    turn_.Say("chatcart.wait_exceeded");
    return absl::OkStatus();
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- repair

std::optional<absl::Status> TurnRunner::RepairFirst() {
  const Understanding& u = turn_.understanding();
  if (u.Has(ActKind::kStartOver) && !state_.stack.empty()) {
    // The answers of every running flow go; the cart and profile stay.
    for (const FlowFrame& frame : state_.stack) {
      for (const SlotSpec& slot : graph_.flow(frame.flow).slots) turn_.ClearSlot(slot.name);
    }
    state_.last_shown.clear();
    state_.shown = ShownContext{};
    state_.wishes.clear();
    state_.focus.clear();
    const int flow = Top().flow;
    Note("start over: answers cleared");
    turn_.AddEvent("start_over", {});
    if (flow == graph_.start_flow() || !Top().entered) {
      state_.stack.clear();
      EnsureFrame();
      turn_.Say("chatcart.start_over");
      return Enter(Top().state, "start over");
    }
    state_.stack.resize(1 + (std::find_if(state_.stack.begin(), state_.stack.end(),
                                          [&](const FlowFrame& f) { return f.flow == flow; }) -
                             state_.stack.begin()));
    turn_.Say("chatcart.start_over");
    return Enter(0, "start over");
  }
  if (u.Has(ActKind::kAreYouBot) && !u.Has(ActKind::kHuman)) {
    state_.misunderstood = 0;
    Note("small talk: are_you_bot");
    turn_.Say("chatcart.i_am_a_bot");
    if (config_.handoff_enabled) {
      // The person it speaks of, a tap away (not the welcome over it).
      Top().entered = true;
      OfferHuman();
      return absl::OkStatus();
    }
    if (!Top().entered) return Enter(Top().state, "start");
    KeepPending();
    return absl::OkStatus();
  }
  if (u.Has(ActKind::kFrustration)) {
    ++state_.misunderstood;
    turn_.AddEvent("frustration", {});
    turn_.Say("chatcart.sorry_frustrated");
    // "Nn capisci niente, voglio parlare con una persona": asked for, not offered.
    if (config_.handoff_enabled && u.Has(ActKind::kHuman)) {
      for (const GlobalRouteSpec& global : graph_.global_routes()) {
        if (global.intent == config_.handoff_intent) return TakeGlobal(global);
      }
    }
    if (config_.handoff_enabled) {
      OfferHuman();
    } else {
      KeepPending();
    }
    return absl::OkStatus();
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- variants

std::optional<absl::Status> TurnRunner::VariantAnswer() {
  if (state_.variant.asking.empty()) return std::nullopt;
  const Understanding& u = turn_.understanding();
  if (executor_.TakeVariantAnswer(u, &state_.variant)) {
    state_.misunderstood = 0;
    return Continue();
  }
  if (u.Has(ActKind::kNoPreference)) {
    state_.variant.chosen.emplace_back(state_.variant.asking, "*");
    state_.variant.asking.clear();
    return Continue();
  }
  // Something else: the question is dropped with the add that asked it.
  Note(absl::StrCat("variant question (", state_.variant.asking, ") dropped"));
  state_.variant = VariantChoice{};
  if (!state_.stack.empty() && Top().entered && Top().asking < 0 && state_.stack.size() > 1) {
    state_.stack.pop_back();
  }
  return std::nullopt;
}

// ---------------------------------------------------------------- shown

std::optional<absl::Status> TurnRunner::PointedQuestion() {
  const Understanding& u = turn_.understanding();
  if (!u.Has(ActKind::kQuestion) && !u.Has(ActKind::kCompare) && !u.Has(ActKind::kWhich)) {
    return std::nullopt;
  }
  if (u.Has(ActKind::kAskShipping) || u.Has(ActKind::kAskReturns) || u.Has(ActKind::kAskHours) ||
      u.Has(ActKind::kAskPayment) || u.Has(ActKind::kCartTotal)) {
    return std::nullopt;  // about the store or the cart, not the products
  }
  // "Bigger screen?", "moins cher ?": a critique, not a question.
  if (!u.Has(ActKind::kWhich) &&
      ((IsCritique(u) && state_.shown.flow >= 0) || (FoundRefinable() && AsksForOthers(u)))) {
    return std::nullopt;
  }
  if (state_.last_shown.empty() && state_.focus.empty() && !reference_.from_catalog) {
    return std::nullopt;
  }
  // "Mi fai vedere una ballerina nera nel 39?" after sandals: another
  // search, not a question about the sandals.
  if ((reference_.id.empty() || reference_.by_variant) && !AsksWhat(u) &&
      NamesOtherChoice(state_.slots)) {
    return std::nullopt;
  }
  // "Do you have the microscope?", "et le papier photo, vous en avez ?":
  // a product named outright.
  if (!reference_.id.empty() && reference_.from_catalog) {
    ProductQuestion question;
    question.products = {reference_.id};
    question.availability = true;
    absl::StatusOr<bool> answered = executor_.AnswerQuestion(question, turn_);
    if (!answered.ok()) return answered.status();
    if (*answered) {
      state_.focus = reference_.id;
      state_.misunderstood = 0;
      KeepPending();
      return absl::OkStatus();
    }
  }
  ProductQuestion question;
  question.compare = u.Has(ActKind::kCompare);
  question.which = u.Has(ActKind::kWhich) || u.Has(ActKind::kRefCheapest) ||
                   u.Has(ActKind::kRefPriciest) || u.Has(ActKind::kRefBest);
  if (!reference_.id.empty() && !question.which) {
    question.products = {reference_.id};
  } else if (!reference_.candidates.empty() && question.compare) {
    question.products = reference_.candidates;
  } else if (PointsAtAll(u) || question.compare || question.which || reference_.id.empty()) {
    question.products = state_.last_shown;
    if (question.products.empty()) question.products = {state_.focus};
    question.nearby = reference_.id.empty() && reference_.candidates.empty();
  }
  // "The difference between them" after a single refined pick: the ones
  // shown before it count too.
  if ((question.compare || question.which) && question.products.size() < 2 &&
      state_.shown.seen.size() >= 2) {
    question.products = state_.shown.seen;
  }
  if (question.products.empty()) return std::nullopt;
  // "Which one is cheaper?" is about the products shown; "the cheaper one"
  // alone is a choice (ShownActs).
  absl::StatusOr<bool> answered = executor_.AnswerQuestion(question, turn_);
  if (!answered.ok()) return answered.status();
  if (!*answered) return std::nullopt;
  state_.misunderstood = 0;
  if (question.products.size() == 1) state_.focus = question.products.front();
  Note("question about the products shown");
  KeepPending();
  return absl::OkStatus();
}

bool TurnRunner::NamesOtherChoice(const std::map<std::string, SlotValue, std::less<>>& slots) {
  if (state_.stack.empty()) return false;
  const FlowSpec& flow = TopFlow();
  for (const SlotSpec& slot : flow.slots) {
    if (slot.type != SlotType::kChoice) continue;
    auto it = slots.find(slot.name);
    if (it == slots.end() || it->second.any) continue;
    const SlotValue* known = &it->second;
    std::optional<SlotValue> said = MentionedChoice(slot, turn_.understanding());
    if (said.has_value() && said->text != known->text) return true;
  }
  return false;
}

bool TurnRunner::FoundRefinable() {
  if (state_.shown.flow >= 0 || state_.shown.seen.empty() || state_.last_shown.empty()) {
    return false;
  }
  // A running search flow refines its own way (its answers hold the age,
  // the budget): not by category alone.
  for (const StateSpec& state : TopFlow().states) {
    for (const v1::Action& action : state.proto->action()) {
      if (action.has_recommend()) return false;
    }
  }
  return true;
}

std::optional<absl::Status> TurnRunner::ShownActs() {
  const Understanding& u = turn_.understanding();
  // "In black", "taglia 39 piuttosto" about what was just added.
  // Not when the turn adds another product: "ajoute aussi un paquet de
  // brésil", "and the Clara press too".
  bool adds_more = false;
  for (const std::string& w : u.words) {
    adds_more =
        adds_more || w == "aussi" || w == "also" || w == "too" || w == "anche" || w == "pure";
  }
  const bool names_another =
      !reference_.id.empty() && !state_.focus.empty() &&
      executor_.ProductTitle(reference_.id) != executor_.ProductTitle(state_.focus);
  // "Et des ballerines noires, même pointure" after loafers: another
  // search (the flow runs again with its new choice), unless a product is
  // named.
  if ((reference_.id.empty() || reference_.by_variant || reference_.id == state_.focus) &&
      NamesOtherChoice(slots_before_)) {
    return std::nullopt;
  }
  if (!state_.focus.empty() && !adds_more && !names_another) {
    if (std::optional<absl::Status> done = executor_.ChangeLineVariant(turn_)) return done;
  }
  // Choosing a product named outright, nothing shown yet: "je voudrais le
  // xylophone".
  if (state_.last_shown.empty() && state_.focus.empty()) {
    if (!reference_.id.empty() && u.Has(ActKind::kChoose) && !u.Has(ActKind::kQuestion)) {
      return ChooseProducts(reference_.id);
    }
    // "Ajoute une pâte à modeler et un kit bijoux": each part its product.
    if (reference_.id.empty() && u.Has(ActKind::kChoose) && !u.Has(ActKind::kQuestion)) {
      const std::vector<std::string> each = AlsoChosen("");
      if (each.size() >= 2) return ChooseProducts(each.front());
    }
    return std::nullopt;
  }
  // A bundle intent with a route of the state wins over a bare reference;
  // critiques win over whatever the classifier made of "anything cheaper?".
  // An amount said with it is a new budget, not a critique: "i don't want
  // to spend more than 130" is a ceiling, not "something pricier".
  bool budget = false;
  for (const Entity& e : u.entities) budget = budget || e.type == "money";
  if (IsCritique(u) && state_.shown.flow >= 0 && !budget) {
    // "niente lego" names the value of a choice the search filters on: the
    // choice becomes "no preference" and its value is left out.
    if (u.Has(ActKind::kExclude)) {
      const FlowSpec& flow = graph_.flow(state_.shown.flow);
      const v1::Action& action = flow.states[state_.shown.state].proto->action(state_.shown.action);
      for (const std::string& pair : action.recommend().slot_attribute()) {
        const std::string slot_name = pair.substr(0, pair.find('='));
        const std::string attribute = pair.substr(pair.find('=') + 1);
        const int index = flow.FindSlot(slot_name);
        const SlotValue* known = turn_.Slot(slot_name);
        if (index < 0 || known == nullptr || known->any ||
            flow.slots[index].type != SlotType::kChoice) {
          continue;
        }
        std::optional<SlotValue> said =
            MentionedChoice(flow.slots[index], u, /*unwanted_too=*/true);
        if (!said.has_value() || said->text != known->text) continue;
        Note(absl::StrCat("critique: not ", known->text, " (slot ", slot_name, ")"));
        state_.shown.where.push_back(absl::StrCat(attribute, "!=", known->text));
        SlotValue any;
        any.type = SlotType::kChoice;
        any.any = true;
        any.display = said->display;
        turn_.SetSlot(slot_name, std::move(any));
        turn_.Say("chatcart.noted_exclusion", {{"what", said->display}});
        state_.misunderstood = 0;
        return RunShownSearch("chatcart.refined");
      }
    }
    if (executor_.Refine(u, state_.last_shown, &state_.shown)) {
      Note(absl::StrCat("critique of the search shown: ",
                        absl::StrJoin(state_.shown.critiques, ",")));
      turn_.AddEvent("critique", {});
      state_.misunderstood = 0;
      return RunShownSearch(RefinedIntro(u));
    }
  }
  // A critique of products found by name ("need headphones for the tube",
  // then "anything cheaper that still works with android?"): their
  // category, refined.
  if (FoundRefinable() && AsksForOthers(u) && !budget) {
    const ShownContext before = state_.shown;
    if (executor_.Refine(u, state_.last_shown, &state_.shown)) {
      absl::StatusOr<bool> done = executor_.RefineFound(state_.shown, RefinedIntro(u), turn_);
      if (!done.ok()) return done.status();
      if (*done) {
        Note(absl::StrCat("critique of the products found: ",
                          absl::StrJoin(state_.shown.critiques, ",")));
        turn_.AddEvent("critique", {});
        for (const std::string& id : state_.last_shown) {
          if (std::find(state_.shown.seen.begin(), state_.shown.seen.end(), id) ==
              state_.shown.seen.end()) {
            state_.shown.seen.push_back(id);
          }
        }
        state_.misunderstood = 0;
        KeepPending();
        return absl::OkStatus();
      }
    }
    state_.shown = before;
  }
  // Choosing one of them: "ok I'll go with the Lumo", "la prima me la
  // metti", "the cheaper one please".
  const bool wants = u.Has(ActKind::kChoose) || u.Has(ActKind::kRefCheapest) ||
                     u.Has(ActKind::kRefPriciest) || u.Has(ActKind::kRefBest) || SaysCount(nullptr);
  const std::string& intent = u.intent;
  // "I'll take", "prendo", "je prends" choose; "the cheaper one" alone does
  // unless the bundle's classifier heard another request.
  // Values of the variants of the product in focus: "ok 250g, whole beans".
  // A bare value ("marron") shows that variant instead: it takes a word of
  // choosing, a quantity or a yes.
  bool counted = false;
  for (const Entity& e : u.entities) counted = counted || e.type == "quantity";
  // "ok le marroni 37", "d'accord, en 250 g": an ok that goes on.
  const bool ok =
      !u.words.empty() && u.words.size() >= 2 &&
      (u.words.front() == "ok" || u.words.front() == "okay" || u.words.front() == "allora" ||
       u.words.front() == "alors" || u.words.front() == "then" || u.words.front() == "d'accord");
  if (reference_.by_variant && !u.Has(ActKind::kQuestion) && !IsCritique(u) &&
      !u.Has(ActKind::kCompare) && !u.Has(ActKind::kWhich) &&
      (wants || counted || ok || intent == "add_to_cart" || intent == "yes") &&
      (!EditsCart(intent) || CartIsEmpty())) {
    return ChooseProducts(reference_.id);
  }
  // "Prendo il puzzle e anche il dodo": two names, each its own product.
  if (reference_.id.empty() && reference_.candidates.size() >= 2 && wants &&
      !u.Has(ActKind::kQuestion)) {
    const std::vector<std::string> each = AlsoChosen("");
    if (each.size() >= 2) return ChooseProducts(each.front());
  }
  // "E 1 set da calcio" heard as a removal: a count of a product not in the
  // cart adds it.
  if (!reference_.id.empty() && wants && !u.Has(ActKind::kQuestion) &&
      (!EditsCart(intent) || CartIsEmpty() ||
       (SaysCount(nullptr) && !executor_.InCart(reference_.id))) &&
      (u.Has(ActKind::kChoose) || SaysCount(nullptr) || intent.empty() ||
       graph_.FlowTriggeredBy(intent) < 0 || intent == "add_to_cart")) {
    return ChooseProducts(reference_.id);
  }
  if (u.Has(ActKind::kQuestion) || u.Has(ActKind::kCompare) || u.Has(ActKind::kWhich)) {
    return PointedQuestion();
  }
  return std::nullopt;
}

absl::Status TurnRunner::RunShownSearch(std::string_view intro) {
  const ShownContext context = state_.shown;
  const FlowSpec& flow = graph_.flow(context.flow);
  const v1::Action& action = flow.states[context.state].proto->action(context.action);
  turn_.refinement_ = &context;
  turn_.refinement_intro_ = std::string(intro);
  const std::vector<std::string> before = state_.last_shown;
  const int replies = turn_.result().replies_size();
  absl::Status status = executor_.Execute(action, flow, turn_);
  if (status.ok() && state_.last_shown == before &&
      turn_.understanding().Has(ActKind::kSomethingElse)) {
    // Everything that fits was shown: other ideas without the shopper's
    // choices (an interest, a style), the budget and age kept.
    turn_.result().mutable_replies()->DeleteSubrange(replies,
                                                     turn_.result().replies_size() - replies);
    ShownContext wider = context;
    wider.widen = true;
    turn_.refinement_ = &wider;
    turn_.refinement_intro_ = "chatcart.refined_wider";
    status = executor_.Execute(action, flow, turn_);
  }
  turn_.refinement_ = nullptr;
  turn_.refinement_intro_.clear();
  CHATCART_RETURN_IF_ERROR(status);
  if (state_.last_shown != before) {
    for (const std::string& id : state_.last_shown) {
      if (std::find(state_.shown.seen.begin(), state_.shown.seen.end(), id) ==
          state_.shown.seen.end()) {
        state_.shown.seen.push_back(id);
      }
    }
  }
  KeepPending();
  return absl::OkStatus();
}

bool TurnRunner::EditsCart(std::string_view intent) const {
  const int flow = intent.empty() ? -1 : graph_.FlowTriggeredBy(intent);
  if (flow < 0) return false;
  for (const StateSpec& state : graph_.flow(flow).states) {
    for (const v1::Action& action : state.proto->action()) {
      if (action.has_change_quantity() || action.has_remove_from_cart()) return true;
    }
  }
  return false;
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

std::vector<std::string> TurnRunner::AlsoChosen(const std::string& first) {
  const Understanding& u = turn_.understanding();
  std::vector<std::string> out;
  auto has = [&](std::initializer_list<std::string_view> words) {
    for (const std::string& w : u.words) {
      if (std::find(words.begin(), words.end(), w) != words.end()) return true;
    }
    return false;
  };
  // "Both", "les deux", "tutti e due" over two products shown.
  if (state_.last_shown.size() == 2 && has({"both", "deux", "entrambi", "entrambe", "due"})) {
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
  const std::vector<text::Token> tokens = text::Tokenize(text);
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
    ProductReference ref = executor_.ResolveReference(part, state_.last_shown, state_.shown.seen,
                                                      "", /*catalog_wide=*/true);
    if (ref.id.empty() || ref.id == first ||
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
  for (const std::string& next : also) {
    // A product still asking its size or colour is finished first.
    if (!done.has_value() || !done->ok() || !state_.variant.product.empty() || Top().asking >= 0) {
      break;
    }
    Note(absl::StrCat("also chose ", next));
    reference_ = ProductReference{};
    done = ChooseProduct(next);
  }
  return done;
}

// ---------------------------------------------------------------- slots

std::optional<SlotValue> TurnRunner::NoPreference(const SlotSpec& slot) {
  const Understanding& u = turn_.understanding();
  if (!u.Has(ActKind::kNoPreference) || u.Has(ActKind::kChoose) || u.Has(ActKind::kCheaper) ||
      u.Has(ActKind::kPricier) || u.Has(ActKind::kOtherBrand) || u.Has(ActKind::kSomethingElse)) {
    return std::nullopt;
  }
  switch (slot.type) {
    case SlotType::kProduct:
    case SlotType::kQuantity:
    case SlotType::kYesNo:
    case SlotType::kCode:
    case SlotType::kText:
      return std::nullopt;
    default:
      break;
  }
  SlotValue value;
  value.type = slot.type;
  value.any = true;
  value.display = std::string(turn_.input().text());
  Note(absl::StrCat("slot ", slot.name, ": no preference"));
  return value;
}

std::optional<absl::Status> TurnRunner::RerunOnChange() {
  if (!Top().entered || Top().asking >= 0) return std::nullopt;
  const StateSpec& state = TopState();
  if (state.proto->action_size() == 0) return std::nullopt;
  // The slots the state's actions read: its required ones and those its
  // searches name.
  std::vector<std::string> inputs;
  for (int slot : state.require) inputs.push_back(TopFlow().slots[slot].name);
  for (const v1::Action& action : state.proto->action()) {
    if (!action.has_recommend()) continue;
    const v1::RecommendAction& r = action.recommend();
    inputs.push_back(r.budget_slot());
    inputs.push_back(r.age_slot());
    for (const std::string& pair : r.slot_attribute()) {
      inputs.push_back(pair.substr(0, pair.find('=')));
    }
  }
  for (const std::string& name : inputs) {
    if (name.empty()) continue;
    auto before = slots_before_.find(name);
    const SlotValue* now = turn_.Slot(name);
    const bool changed = now == nullptr
                             ? before != slots_before_.end()
                             : before == slots_before_.end() || !(before->second == *now);
    if (!changed) continue;
    Note(absl::StrCat("slot ", name, " changed: ", Where(), " runs again"));
    state_.misunderstood = 0;
    turn_.Say("chatcart.noted_change");
    turn_.rerunning_ = true;
    absl::Status rerun = Continue();
    turn_.rerunning_ = false;
    CHATCART_RETURN_IF_ERROR(rerun);
    // "Allora la grigia, mettila nel carrello": one product left, and taken.
    if (turn_.understanding().Has(ActKind::kChoose) && state_.last_shown.size() == 1) {
      if (std::optional<absl::Status> done = ChooseProduct(state_.last_shown.front())) return done;
    }
    return absl::OkStatus();
  }
  return std::nullopt;
}

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
    absl::StatusOr<bool> answered = executor_.AnswerStoreQuestion(topic, last_resort, turn_);
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
