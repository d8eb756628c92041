// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The conversation acts over the products shown or in focus: questions
// that point at them ("does it work with android?"), critiques that run
// the search that showed them again ("anything cheaper?") or refine
// products found by name, and the references that choose one of them
// (through turn_acts_choose.cc).

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "common/status_macros.h"
#include "common/strings.h"
#include "dialogue/slot_filler.h"
#include "dialogue/turn_runner.h"

namespace chatcart::dialogue {
namespace {

using converse::ActKind;

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

// Whether the words ask how to do something ("how can I print photos",
// "come posso stampare", "comment faire pour imprimer").
bool AsksHowTo(const Understanding& u) {
  const std::vector<std::string>& w = u.words;
  for (size_t k = 0; k + 1 < w.size() && k < 3; ++k) {
    if ((w[k] == "how" && (w[k + 1] == "can" || w[k + 1] == "do" || w[k + 1] == "to")) ||
        (w[k] == "come" && (w[k + 1] == "posso" || w[k + 1] == "faccio" || w[k + 1] == "si")) ||
        (w[k] == "comment" && (w[k + 1] == "je" || w[k + 1] == "faire" || w[k + 1] == "on"))) {
      return true;
    }
  }
  return false;
}

}  // namespace

// Whether the words settle on something: "please", "then", "alors" ("ground
// for filter please, 250g"; "whole beans then"), not a bare "taille S, rouge"
// that narrows a search.
bool SettlesOn(const Understanding& u) {
  static constexpr std::string_view kSettle[] = {
      "please", "pls", "plz", "then", "alors", "allora", "svp", "stp", "plait", "favore", "grazie"};
  for (const std::string& w : u.words) {
    if (std::find(std::begin(kSettle), std::end(kSettle), w) != std::end(kSettle)) return true;
  }
  return false;
}

// Whether the words say to add ("add it", "aggiungilo", "ajoute-le",
// "mettila"): a choice, whatever search the classifier heard.
bool SaysAdd(const Understanding& u) {
  static constexpr std::string_view kAdd[] = {
      "add",     "aggiungi", "aggiungilo", "aggiungila", "aggiungili", "aggiungile",
      "ajoute",  "ajoutez",  "rajoute",    "rajoutez",   "metti",      "mettilo",
      "mettila", "mettili",  "mettile",    "mets",       "mettez"};
  return std::any_of(u.words.begin(), u.words.end(), [](const std::string& w) {
    return std::find(std::begin(kAdd), std::end(kAdd), w) != std::end(kAdd);
  });
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
  // "Mi fai parlare con qualcuno? volevo sapere se fate prezzi per i bar":
  // a person is asked for; the question is theirs to answer.
  if (u.Has(ActKind::kHuman) && config_.handoff_enabled) return std::nullopt;
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
  if (!reference_.id.empty() && reference_.from_catalog && !u.Has(ActKind::kChoose)) {
    // "How can I print photos from my phone?", heard as the photo search,
    // names the Photo Kiosk Voucher by its words: how to, the search, not
    // a question about the voucher.
    if (state_.last_shown.empty() && state_.focus.empty() && Understood() && AsksHowTo(u)) {
      const int heard = graph_.FlowTriggeredBy(u.intent);
      if (heard >= 0 && SearchOf(heard) != nullptr) return std::nullopt;
    }
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
  // "La moins chère des deux", "che differenza c'è tra le due?" after two
  // printers and the kiosk voucher beside them: the first two.
  if ((question.compare || question.which) && question.products.size() > 2 &&
      reference_.candidates.empty()) {
    static constexpr std::string_view kTwo[] = {"two", "both",     "deux",
                                                "due", "entrambi", "entrambe"};
    for (const std::string& w : u.words) {
      if (std::find(std::begin(kTwo), std::end(kTwo), w) != std::end(kTwo)) {
        question.products.resize(2);
        break;
      }
    }
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

bool TurnRunner::OtherChoiceIsVariantValue() {
  if (state_.stack.empty()) return false;
  bool any = false;
  for (const SlotSpec& slot : TopFlow().slots) {
    if (slot.type != SlotType::kChoice) continue;
    auto it = slots_before_.find(slot.name);
    if (it == slots_before_.end() || it->second.any) continue;
    std::optional<SlotValue> said = MentionedChoice(slot, turn_.understanding());
    if (!said.has_value() || said->text == it->second.text) continue;
    for (absl::string_view word : absl::StrSplit(said->display, ' ', absl::SkipEmpty())) {
      if (!executor_.IsVariantValueWord(ToStd(word))) return false;
    }
    any = true;
  }
  return any;
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
  const bool adds_more = SaysAlso(u);
  const bool names_another =
      !reference_.id.empty() && !state_.focus.empty() &&
      executor_.ProductTitle(reference_.id) != executor_.ProductTitle(state_.focus);
  // "Et des ballerines noires, même pointure" after loafers: another
  // search (the flow runs again with its new choice), unless a product is
  // named. Not the words of a value for each variant axis of the product
  // meant ("1 kg di quello, macinato espresso" of the coffee for a moka:
  // the espresso grind, not an espresso machine's search).
  if ((reference_.id.empty() || reference_.by_variant || reference_.id == state_.focus) &&
      !(reference_.every_variant_axis && OtherChoiceIsVariantValue()) &&
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
  // With an amount, the critiques of an attribute still hold ("vous avez
  // plus grand sans dépasser 600 ?": bigger, within the new budget).
  const bool attribute_critique = u.Has(ActKind::kMoreOf) || u.Has(ActKind::kLessOf) ||
                                  u.Has(ActKind::kOtherBrand) || u.Has(ActKind::kExclude);
  // "Nah too pricey, ill stick with the aero 14. add it": a product named
  // and chosen beats the critique said on the way.
  const bool chooses_named =
      u.Has(ActKind::kChoose) && !reference_.id.empty() && !reference_.by_variant;
  if (IsCritique(u) && state_.shown.flow >= 0 && (!budget || attribute_critique) &&
      !chooses_named) {
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
  // "ok le marroni 37", "d'accord, en 250 g": an ok that goes on.
  const bool ok =
      !u.words.empty() && u.words.size() >= 2 &&
      (u.words.front() == "ok" || u.words.front() == "okay" || u.words.front() == "allora" ||
       u.words.front() == "alors" || u.words.front() == "then" || u.words.front() == "d'accord");
  // "Ok un paquet de guatemala 250 g moulu espresso": a product with a
  // value for each of its variant axes, settled on.
  // Named or pointed at with them ("le mélange maison en 250 g, moulu
  // espresso", "1 kg di quello, macinato espresso"), or values alone said
  // as settled ("250g ground for filter then"); values alone otherwise
  // ("taille S, rouge") only show that variant.
  const bool settles_variant =
      reference_.every_variant_axis && (ok || SettlesOn(u) || !reference_.by_variant) &&
      !u.Has(ActKind::kQuestion) && !IsCritique(u) && !u.Has(ActKind::kCompare);
  // "E anche una volpe di peluche" with something in the cart: another
  // product named, added like the last.
  const bool also_adds =
      adds_more && names_another && !CartIsEmpty() && !u.Has(ActKind::kQuestion) && !IsCritique(u);
  const bool wants = u.Has(ActKind::kChoose) || u.Has(ActKind::kRefCheapest) ||
                     u.Has(ActKind::kRefPriciest) || u.Has(ActKind::kRefBest) ||
                     SaysCount(nullptr) || also_adds || settles_variant ||
                     (SaysAdd(u) && !reference_.id.empty() && !u.Has(ActKind::kQuestion)) ||
                     // "Ok la tela alta alors", "ok the vetta then": settled on.
                     (ok && SettlesOn(u) && !reference_.id.empty() && !reference_.by_variant &&
                      !u.Has(ActKind::kQuestion) && !IsCritique(u));
  const std::string& intent = u.intent;
  // "I'll take", "prendo", "je prends" choose; "the cheaper one" alone does
  // unless the bundle's classifier heard another request.
  // Values of the variants of the product in focus: "ok 250g, whole beans".
  // A bare value ("marron") shows that variant instead: it takes a word of
  // choosing, a quantity or a yes.
  bool counted = false;
  for (const Entity& e : u.entities) counted = counted || e.type == "quantity";
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
  // "Ok la mallette + la pâte à modeler": an ok that lists products, each
  // its own.
  if (ok && !u.Has(ActKind::kQuestion) && !IsCritique(u) && !u.Has(ActKind::kCompare)) {
    const std::vector<std::string> each = AlsoChosen("");
    if (each.size() >= 2) return ChooseProducts(each.front());
  }
  // "E 1 set da calcio" heard as a removal: a count of a product not in the
  // cart adds it.
  if (!reference_.id.empty() && wants && !u.Has(ActKind::kQuestion) &&
      (!EditsCart(intent) || CartIsEmpty() ||
       (SaysCount(nullptr) && !executor_.InCart(reference_.id))) &&
      (u.Has(ActKind::kChoose) || SaysCount(nullptr) || also_adds || settles_variant ||
       SaysAdd(u) || intent.empty() || graph_.FlowTriggeredBy(intent) < 0 ||
       intent == "add_to_cart")) {
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

}  // namespace chatcart::dialogue
