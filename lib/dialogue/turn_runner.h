// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// TurnRunner: one turn's decisions, private to lib/dialogue. Kept apart from
// TurnContext so actions see only what they may use. Its methods live in
// runtime.cc (the turn loop, input kinds, failures), turn_slots.cc (slots),
// turn_flows.cc (moving) and turn_acts*.cc (the conversation acts every
// bundle gets: turn_acts.cc a person, repair and variants; turn_acts_shown.cc
// critiques and questions about what was shown; turn_acts_choose.cc choosing
// products; turn_acts_store.cc store questions, the cart and small talk).

#ifndef CHATCART_DIALOGUE_TURN_RUNNER_H_
#define CHATCART_DIALOGUE_TURN_RUNNER_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "absl/status/status.h"
#include "dialogue/runtime.h"
#include "dialogue/slot_filler.h"

namespace chatcart::dialogue {

// Whether the words settle on something: "please", "then", "alors"
// ("ground for filter please, 250g"; "yellow ones pls"), not a bare
// "taille S, rouge" that narrows a search (turn_acts_shown.cc).
bool SettlesOn(const Understanding& u);

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

  absl::Status Run();

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
        return runner_.fresh_ == std::make_tuple(runner_.state_.stack.size(), top.flow, top.state);
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
  std::string Where();
  void Note(std::string_view what) { Trace()->add_transitions(std::string(what)); }

  bool Understood() const;
  // Whether flow `flow` only says something: no slots, actions or routes
  // (a store's answer, like a size guide).
  bool OnlySays(int flow) const;
  // Whether `global` routes to such an answer while the turn is a longer
  // statement that asks nothing ("need smart black shoes, size 44, dont
  // want to go over 150" heard as the size guide): not what was asked.
  bool StatementNotAsking(const GlobalRouteSpec& global) const;
  // Whether what is shown was found by name (no recommend action showed it)
  // while no search flow runs: a critique refines it by its category.
  bool FoundRefinable();
  // Whether the turn names a value of one of the running flow's choices
  // other than the one `slots` hold ("ballerines" while they hold loafers).
  bool NamesOtherChoice(const std::map<std::string, SlotValue, std::less<>>& slots);
  // The first recommend action of flow `flow`'s states, or null: the flow
  // is a search.
  const v1::RecommendAction* SearchOf(int flow) const;
  // A choice of another search flow named while a search runs, and none of
  // the running one's ("chuck in a pack of the sports socks too, black, M"
  // in the shoe search): that search starts with what this turn says, the
  // running one's answers left behind.
  std::optional<absl::Status> OtherSearchNamed();
  // With no intent heard and no question asked: the search flow that takes
  // two or more of the turn's facts (sizes, colours, budgets, ages,
  // devices; with `count_wishes`, the wishes its products meet too)
  // starts; nullopt when none does.
  std::optional<absl::Status> SearchTakingFacts(bool count_wishes);
  // A discount code of the store in `text`: the flow with a code slot and a
  // trigger intent starts with it; nullopt when there is none.
  std::optional<absl::Status> KnownCode(std::string_view text);

  void ResetAfterIdle();

  void EnsureFrame();

  // ---- input kinds

  absl::Status HandleEvent();

  absl::Status HandlePayload(std::string_view payload);

  absl::Status HandleText();

  // ---- slots (turn_slots.cc)

  // Whether the turn may name a product anywhere in the catalog: it
  // chooses, asks, answers "which product?" or starts a flow with a
  // product slot.
  bool WantsCatalogNames();

  // Fills the asked slot and, from unambiguous entities, other slots of the
  // top flow. Returns whether the asked slot was filled.
  bool FillSlots(std::string_view text);

  // Chat shorthand the entities leave alone: "hes 7" (an age), "ok 900
  // then" after a search (a new budget).
  void FillChatShorthand(const FlowSpec& flow, const Understanding& u);

  // A word that looks like a discount code fills an unknown code slot.
  void FillCode(const FlowSpec& flow, std::string_view text);

  // The first slot of `flow` of `type`: an unknown one, else the first.
  const SlotSpec* SlotOfType(const FlowSpec& flow, SlotType type);

  void FillUnasked(const FlowSpec& flow, std::vector<bool>* used);

  // ---- moving (turn_flows.cc)

  absl::Status Enter(int state_index, std::string_view why);

  // Asks what the state still needs, or runs its actions and moves on.
  absl::Status Continue();

  // Shows the products a just-started search flow's words name (see
  // started_by_intent_), or the few its wishes leave, before it asks for
  // slot `slot_index`.
  absl::Status NamedBeforeAsking(int slot_index);
  void Ask(int slot_index, int attempt);

  // A template rendered to plain text without becoming a reply.
  std::string RenderTitle(std::string_view id);

  void AttachQuickReplies(const StateSpec& state);

  absl::Status Execute(const v1::Action& action, const FlowSpec& flow);

  absl::Status TakeRoute(const RouteSpec& route, std::string_view why);

  bool TryStateRoutes();

  absl::Status TakeGlobal(const GlobalRouteSpec& global);

  absl::Status PushFlow(int flow, bool replace, std::string_view why);

  absl::Status PopAndResume();

  // ---- failures

  absl::Status FailedAnswer();

  absl::Status NotUnderstood();

  void OfferHuman();

  absl::Status StepLimit();

  // ---- conversation acts (turn_acts*.cc)
  // Each returns nullopt when the act does not apply to this turn, so the
  // turn goes on; otherwise the turn's status.

  // While a person is on the way or answering: no flow runs.
  absl::Status WithPerson();
  // The host's desk events (agent_joined, handed_back, queue_position,
  // requeued, queue_full, wait_exceeded, message_left) when the bundle does
  // not route them itself; nullopt for any other kind.
  std::optional<absl::Status> DeskEvent();
  // "start over", frustration: before anything else.
  std::optional<absl::Status> RepairFirst();
  // The answer to a variant question asked by an add ("which size?"): the
  // add runs again; anything else drops the question.
  std::optional<absl::Status> VariantAnswer();
  // A question about the products shown or in focus that points at them
  // ("does it work with android?"): before its words fill slots.
  std::optional<absl::Status> PointedQuestion();
  // Over what was shown: critiques, choosing one, questions.
  std::optional<absl::Status> ShownActs();
  // A slot the waiting state depends on changed ("actually she's 9"):
  // the state's actions run again.
  std::optional<absl::Status> RerunOnChange();
  // "Let's pay", "what's my total?", "togli tutto": through the bundle's
  // checkout flow and cart actions, whatever the classifier heard.
  std::optional<absl::Status> CartActs();
  // Shipping, returns, opening hours, payment: answered wherever asked.
  // With `last_resort`, a question the store has no answer for is said so.
  std::optional<absl::Status> StoreQuestion(bool last_resort);
  // Small talk, "never mind", asking for a person.
  std::optional<absl::Status> LaterActs();
  // Products named by the turn's words, when nothing else took it; with
  // `by_word`, by one word of a longer request nothing understood (tried
  // after the flows whose choices the words name).
  std::optional<absl::Status> CatalogSearch(bool by_word = false);
  // Whether the session's cart holds no line.
  bool CartIsEmpty() const;

  // Runs the search that showed the products again, refined by
  // state_.shown, introduced by `intro`.
  absl::Status RunShownSearch(std::string_view intro);
  // Adds `product` (an id) through the bundle's add-to-cart flow.
  std::optional<absl::Status> ChooseProduct(const std::string& product);
  // ChooseProduct for `product` and then each other product the text
  // chooses with it ("la première et le papier", "both").
  std::optional<absl::Status> ChooseProducts(const std::string& product);
  // Starts `flow` over the top of the stack (a frame of it there is
  // replaced) with `slots` set, entering its first state for `why`.
  absl::Status EnterFlowWith(int flow, std::vector<std::pair<std::string, SlotValue>> slots,
                             std::string_view why);
  // "Il gioco di carte ce l'ha già, toglilo", "enlève le brésil": a product
  // of the cart named with a word of removing, removed through the
  // bundle's removal flow, whatever the classifier heard. Nullopt when the
  // turn is no such.
  std::optional<absl::Status> RemoveNamed();
  // Whether every choice of the running flow said other than its value
  // (NamesOtherChoice) is said in words that are values of variant axes
  // ("macinato espresso" of a coffee for a moka: its grind).
  bool OtherChoiceIsVariantValue();
  // "Anzi 2 bastano", "actually 3" with the product in focus in the cart:
  // its line changed to that count through the bundle's quantity flow,
  // whatever the classifier heard. Nullopt when the turn is no such.
  std::optional<absl::Status> CorrectedCount();
  // "Je prends les deux", "i'll take both", "li prendo entrambi" of the two
  // products shown: both added (before a number of it answers the question
  // asked). Nullopt when the turn chooses no pair.
  std::optional<absl::Status> ChooseBoth();
  // The products other than `first` the text names, part by part.
  std::vector<std::string> AlsoChosen(const std::string& first);
  // A reply that keeps the flow where it was: the pending question's
  // choices stay on offer, without asking it again word for word.
  void KeepPending();
  // The no-preference answer to the asked slot, when it takes one.
  std::optional<SlotValue> NoPreference(const SlotSpec& slot);
  // A number first says how many ("2 petits paquets de camomille"); *count
  // (may be null) gets it, 0 when a unit or a catalog size follows.
  bool SaysCount(int64_t* count) const;
  // Fills the quantity slot of `flow`'s add_to_cart from SaysCount.
  void FillLeadingCount(const FlowSpec& flow);
  // Whether `intent` starts a flow that changes or removes cart lines (with
  // `quantity_only`, that changes a line's quantity).
  bool EditsCart(std::string_view intent, bool quantity_only = false) const;
  // A count said of a product the cart does not hold ("ok mettine 3" of the
  // rooibos just shown, "make it 3 bags" before any was added): that many
  // of it added, through ChooseProduct. Nullopt when the turn is no such.
  std::optional<absl::Status> CountOfProductNotInCart();
  // The flow that adds to the cart (its product slot), or -1.
  int AddFlow(std::string* product_slot) const;

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
  // The flow an intent (or a choice of it named) started this turn (-1:
  // none): before its first question, the products the words name, or the
  // few the wishes leave, are shown.
  int started_by_intent_ = -1;
  absl::Status status_;  // of a route taken inside TryStateRoutes
  // Times this turn asked which product the shopper means.
  int which_asked_this_turn_ = 0;
  // What the turn points at (resolved once, before slots are filled).
  ProductReference reference_;
  // The slots before this turn's words filled any.
  std::map<std::string, SlotValue, std::less<>> slots_before_;
};

}  // namespace chatcart::dialogue

#endif  // CHATCART_DIALOGUE_TURN_RUNNER_H_
