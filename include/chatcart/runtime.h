// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Conversations: the loop every host writes around Session, done once. The
// host hands it what happened in a conversation (a shopper's message from a
// webhook, an event, a due timer); it finds or creates the conversation in a
// SessionStore, applies the message at most once (its message id is the
// idempotency key), runs the turn, saves with compare-and-set (on a conflict
// it reloads and applies the message again, a bounded number of times), and
// returns what to send.
//
//   chatcart::ConversationsOptions options;
//   options.engine = *chatcart::Engine::Create("examples/bundles/demo");
//   options.store = *chatcart::OpenRedisSessionStore({.port = 6379});
//   auto conversations = *chatcart::Conversations::Create(std::move(options));
//
//   chatcart::ConversationInput in;
//   in.conversation_id = "whatsapp:+393331234567";
//   in.message_id = "wamid.HBgM...";              // from the webhook
//   in.turn.set_text("a gift for my 6 year old");
//   in.turn.mutable_time()->set_seconds(now);
//   absl::StatusOr<chatcart::ConversationOutput> out = conversations->Handle(in);
//   if (out.ok() && !out->duplicate) { send out->result.replies() }
//
// Any number of processes may share one store (Redis for a fleet, SQLite on
// one machine): messages of one conversation are applied one at a time in
// the order their Handle calls took the conversation's lease (a short lock
// in the store), and the compare-and-set on save keeps every message even
// when a lease expired under a slow process. Nothing here starts a thread:
// timers are data the host polls (DueTimers, then FireTimer).
//
// Thread safety: a Conversations is safe for concurrent access from multiple
// threads without any external synchronization; calls for different
// conversations run in parallel, calls for one conversation take turns.

#ifndef CHATCART_RUNTIME_H_
#define CHATCART_RUNTIME_H_

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "chatcart/cart.h"
#include "chatcart/channels.h"
#include "chatcart/desk.h"
#include "chatcart/engine.h"
#include "chatcart/store.h"
#include "chatcart/v1/cart_apply.pb.h"
#include "chatcart/v1/desk.pb.h"
#include "chatcart/v1/runtime.pb.h"
#include "chatcart/v1/turn.pb.h"

namespace chatcart {

struct ConversationsOptions {
  // Required: the engine every conversation runs on, and where they live.
  std::shared_ptr<const Engine> engine;
  std::shared_ptr<SessionStore> store;

  // ---- Behaviour

  // A conversation nobody wrote to for this long expires from the store
  // (measured by `clock` from its last save). 0: never. Default: 30 days.
  std::chrono::milliseconds idle_expiry{std::chrono::hours(24 * 30)};
  // Message ids remembered per conversation: a duplicate of one of them is
  // not applied again. Default: 64.
  int remembered_messages = 64;
  // Of those, how many keep their result (returned for a duplicate, so a
  // host that crashed before sending can send it). Default: 4.
  int remembered_results = 4;
  // A shopper's message that leaves the cart with lines schedules the timer
  // "cart_abandoned" this long after the message's time; their next message
  // moves it. 0: no such timer. Default: 1 hour.
  std::chrono::milliseconds cart_abandoned_after{std::chrono::hours(1)};
  // A new conversation's session seed is a hash of its id XOR this, so every
  // process starts it alike. Default: 0.
  uint64_t seed = 0;

  // ---- Channels (HandleInbound)

  // The bundle's channel rules (WhatsApp templates, Messenger tags, SMS
  // keywords and texts) and the store's name in SMS replies.
  v1::ChannelPolicy channel_policy;
  std::string store_name;

  // ---- The agent desk (optional)

  // Where handoffs go (chatcart/desk.h), shared with the agents' side of the
  // host. With a desk, Handle and HandleInbound route through it: the
  // bundle's handoff action queues the conversation (RequestAgent, in the
  // session's language, on desk_skill's queue) and the shopper is told
  // their place and wait (the chatcart.queue_position template); while
  // queued, each message is recorded at the desk and answered with the
  // place and wait; while an agent holds it, the bot says nothing to the
  // shopper, relays the message to the agent (a SHOPPER_MESSAGE desk event
  // in ConversationOutput::desk_events) and still understands it (the
  // turn's trace; SuggestForAgent). The agents' side goes through Accept,
  // AgentMessage, Resolve, TickDesk and Deliver below. Null: handoffs are
  // only host actions, as without a desk.
  std::shared_ptr<Desk> desk;
  // The desk queue (team or skill) handoffs wait in. Default: "" (the
  // general queue).
  std::string desk_skill;
  // The bundle's canned replies (its desk policy), for SuggestForAgent.
  std::shared_ptr<const CannedReplies> canned_replies;

  // ---- Concurrency

  // Reload-and-apply rounds after a save lost to a concurrent one, before
  // Handle gives up with ABORTED. Default: 8.
  int max_conflict_retries = 8;
  // The per-conversation lease: how long it lasts if its holder dies, and
  // how long a call waits for it before going ahead without it (safe: the
  // save is a compare-and-set; only the order of two concurrent messages is
  // then not the order of their calls). Defaults: 5 s, 10 s.
  std::chrono::milliseconds lease_ttl{5000};
  std::chrono::milliseconds lease_wait{10000};
  // Names this process in leases. Default: host name, process id and a
  // random number.
  std::string owner;
  // Unix milliseconds, for expiry. Default: the system clock. (Turns take
  // their time from their input, never from this clock.)
  StoreClock clock;
};

// What happened in one conversation.
struct ConversationInput {
  // Required: "web:8f3c", "whatsapp:+3933...": one conversation per shopper
  // per channel. 1 to 512 bytes of well-formed UTF-8 without '{', '}' or
  // NUL; any other id is refused up front with INVALID_ARGUMENT naming the
  // field ("conversation id"), before the store or the desk sees it.
  std::string conversation_id;
  // Who it belongs to, for ListByShopper/ForgetShopper. Optional; when
  // given, the same rule as conversation_id.
  std::string shopper;
  // The idempotency key: a webhook's message id. A message whose id this
  // conversation already applied is not applied again. Empty: no
  // deduplication (for events the host is sure to send once).
  std::string message_id;
  // Required: the turn (text, payload or event) and its time.
  v1::TurnInput turn;
};

struct ConversationOutput {
  // The turn's replies, host actions, analytics events and trace. Empty for
  // a duplicate whose result is no longer remembered.
  v1::TurnResult result;
  // The conversation's version in the store after this call.
  int64_t version = 0;
  // Messages applied to the conversation since it started (equal to version
  // unless it was restarted).
  uint64_t applied_count = 0;
  // The message id had been applied already: nothing was applied now, and
  // `result` is the first application's (when still remembered).
  bool duplicate = false;
  // The stored conversation could not be read (corrupt bytes, another
  // bundle): it started again, and result.events() says why
  // ("conversation_restarted").
  bool restarted = false;
  // Saves lost to concurrent ones and applied again.
  int conflicts = 0;

  // HandleInbound only: the platform requests to send, in order (the turn's
  // replies rendered for the channel, or the channel's own answer to an SMS
  // keyword). When the channel refuses to send (outside the 24-hour window,
  // an opted-out SMS shopper), the turn is still applied and saved and
  // render_status says why (FAILED_PRECONDITION naming the rule).
  std::vector<channels::OutboundMessage> outbound;
  absl::Status render_status;
  // The channel answered by itself (STOP, HELP, MORE...): "opt_out", ...
  std::string keyword;

  // With a desk (ConversationsOptions::desk): the desk's events of this
  // call for agents and the host, in order (an OFFER to an agent, the
  // shopper's message relayed as SHOPPER_MESSAGE). The desk's events for
  // this shopper ran as event turns after the shopper's (queue_position,
  // agent_joined...): their replies follow in `result` and `outbound`.
  std::vector<v1::DeskEvent> desk_events;
  // OK, or why the desk did not take this call's message or handoff (the
  // turn stays applied and saved; the desk's own error, e.g. UNAVAILABLE).
  absl::Status desk_status;
};

// What a desk call made through Conversations did.
struct DeskOutput {
  // The desk's update, as Desk returned it.
  v1::DeskUpdate update;
  // Its events for agents and the host, in order (offers, relayed
  // messages, AGENT_AWAY...). Events for shoppers are in `shoppers`.
  std::vector<v1::DeskEvent> events;
  // What each shopper the update spoke to was sent: the desk's events for
  // them ran as turns of their conversation (agent_joined, handed_back,
  // queue_position, an agent's words...), saved and rendered for their
  // channel. In the order of their first event.
  struct Delivery {
    std::string conversation_id;
    ConversationOutput output;
  };
  std::vector<Delivery> shoppers;
  // OK, or the first failure delivering to a shopper (the others were
  // still delivered; the desk's change stands).
  absl::Status delivery_status;
};

// What ApplyCartCommand did.
struct CartCommandOutput {
  // The cart after the command, its totals, the event and any order placed
  // (as `chatcart cart apply` prints it); for a duplicate, the cart as
  // stored now.
  v1::CartApplyResponse response;
  // The conversation's version in the store after this call.
  int64_t version = 0;
  // The message id had been applied already: nothing was applied now.
  bool duplicate = false;
  // Saves lost to concurrent ones and applied again.
  int conflicts = 0;
};

// A timer due (from DueTimers).
struct DueTimer {
  std::string conversation_id;
  std::string kind;
  int64_t due_at_ms = 0;
};

class Conversations {
 public:
  // INVALID_ARGUMENT without an engine or a store, or with options out of
  // range.
  static absl::StatusOr<std::unique_ptr<Conversations>> Create(ConversationsOptions options);

  Conversations(const Conversations&) = delete;
  Conversations& operator=(const Conversations&) = delete;
  ~Conversations();

  // Applies `input` to its conversation (created when new) and saves it.
  // Errors, with nothing saved: INVALID_ARGUMENT for an input without a
  // conversation id or a time, or one the session refuses (Session::
  // HandleTurn); ABORTED after max_conflict_retries lost saves; the store's
  // own (UNAVAILABLE, RESOURCE_EXHAUSTED...). A stored conversation that
  // cannot be read is restarted, never an error.
  absl::StatusOr<ConversationOutput> Handle(const ConversationInput& input);

  // A message parsed from a webhook (chatcart/channels.h ParseWebhook), in
  // the conversation "<channel>:<account>:<shopper>": the channel's rules
  // first (Observe: the 24-hour window, SMS STOP/HELP/MORE and keywords,
  // with the channel state kept in the conversation), then, if the message
  // is for the bot, Handle's turn, and the result rendered for the channel
  // (Render) into output.outbound. A message the channel answers by itself
  // is saved (its id applied, the state changed) without a turn. Handle's
  // errors, and INVALID_ARGUMENT for a message of another channel than the
  // conversation's.
  absl::StatusOr<ConversationOutput> HandleInbound(const channels::InboundMessage& message);
  // The conversation id HandleInbound uses for `message`.
  static std::string ConversationIdOf(const channels::InboundMessage& message);

  // Applies a cart command to the conversation's cart outside a turn, as an
  // agent or the host does (Session::ApplyCartCommand: the cart's rules,
  // priced through the engine's sources; command.actor says who), under the
  // conversation's lease, saved by compare-and-set (reloaded and applied
  // again on a conflict), at most once per `message_id` like Handle (empty:
  // no deduplication; the command's idempotency_key still holds within the
  // cart). The conversation's abandoned-cart timer is left as it is.
  // Errors, with nothing saved: NOT_FOUND for a conversation that does not
  // exist (an agent acts on a shopper's conversation, never creates one);
  // Session::ApplyCartCommand's own (FAILED_PRECONDITION, INVALID_ARGUMENT,
  // OUT_OF_RANGE... naming the rule); ABORTED after max_conflict_retries
  // lost saves; the store's. A conversation that cannot be read is
  // FAILED_PRECONDITION here (Handle restarts it; a cart command does not).
  absl::StatusOr<CartCommandOutput> ApplyCartCommand(std::string_view conversation_id,
                                                     std::string_view message_id,
                                                     const CartCommand& command);

  // Handle with a chatcart.v1.ConversationRequest in the protobuf JSON
  // mapping ({"conversationId": "web-42", "messageId": "m1", "turn": {"text":
  // "hi", "time": "2026-11-23T10:00:00Z"}}), returning a
  // chatcart.v1.ConversationResponse in JSON, map entries in key order.
  // INVALID_ARGUMENT for JSON that does not parse; otherwise Handle's errors.
  absl::StatusOr<std::string> HandleJson(std::string_view request_json);
  // The same with binary protobuf in and out (deterministic bytes).
  absl::StatusOr<std::string> HandleBytes(std::string_view request_proto);

  // At most `limit` timers due at or before now_ms, earliest first. The
  // host polls this (every few seconds) and fires each one.
  absl::StatusOr<std::vector<DueTimer>> DueTimers(int64_t now_ms, int limit);

  // Runs `timer`'s event turn (event kind = timer kind, time = its due time)
  // if its conversation still waits for it, once. NOT_FOUND when the
  // conversation no longer waits for it (moved, fired, forgotten): the
  // stale index entry is removed.
  absl::StatusOr<ConversationOutput> FireTimer(const DueTimer& timer);

  // The conversation's session as of now, restored from the store, for
  // reading (an agent's view, a transcript). NOT_FOUND when there is none.
  absl::StatusOr<std::unique_ptr<Session>> Load(std::string_view conversation_id);

  // Deletes the conversation (and its timers): the right to be forgotten.
  // Load and Forget also take an id that is not well-formed UTF-8, so a
  // conversation saved before such ids were refused can still be erased.
  absl::Status Forget(std::string_view conversation_id);
  // Deletes every conversation of `shopper`; returns how many.
  absl::StatusOr<int64_t> ForgetShopper(std::string_view shopper);

  // ---- The agent desk (ConversationsOptions::desk; FAILED_PRECONDITION
  // without one). Times are Unix milliseconds, the desk's `now`.

  // An agent accepts an offered conversation (Desk::Accept): the shopper is
  // told "Nick has joined the chat. Your reference number for this chat is
  // #1." (chatcart.agent_joined_ref) and the session is with the agent.
  // Desk::Accept's errors.
  absl::StatusOr<DeskOutput> Accept(std::string_view agent_id, std::string_view conversation_id,
                                    int64_t now_ms);
  // An agent's message to the shopper: checked against the desk (the agent
  // must hold the conversation: FAILED_PRECONDITION otherwise), applied as a
  // turn with the agent as actor at most once per `message_id` (empty: no
  // deduplication), rendered for the channel (Messenger's HUMAN_AGENT
  // window), and recorded at the desk (redacted) for the transcript.
  absl::StatusOr<DeskOutput> AgentMessage(std::string_view agent_id,
                                          std::string_view conversation_id,
                                          std::string_view message_id, std::string_view text,
                                          int64_t now_ms);
  // The agent (or, with an empty id, the host) closes the conversation
  // (Desk::Resolve): the bot takes over again and says so (handed_back).
  absl::StatusOr<DeskOutput> Resolve(std::string_view agent_id, std::string_view conversation_id,
                                     int64_t now_ms);
  // The desk's timers (Desk::Tick): position updates reach the shoppers,
  // lapsed offers go to the next agent, and so on. Call it every second or
  // so, like DueTimers.
  absl::StatusOr<DeskOutput> TickDesk(int64_t now_ms);
  // Delivers an update the host got from calling the desk itself (Claim,
  // Assign, SetAvailability, LeaveQueue...): its events for shoppers run in
  // their conversations; the rest are returned. Errors only for a missing
  // desk; delivery failures are in delivery_status.
  absl::StatusOr<DeskOutput> Deliver(const v1::DeskUpdate& update, int64_t now_ms);

  // For the agent holding a conversation: what the bot would do with the
  // shopper's last message (`text`; empty: the last shopper message at the
  // desk), computed on a copy of the session that the bot holds again and
  // then thrown away: nothing is saved and nothing reaches the shopper.
  // Suggested replies (the bundle's canned replies for the understood
  // intent, options.canned_replies, then the bot's own answer), the next
  // question the active flow asks, the products the bot would show with
  // their reasons and the first real alternative to the top pick (cheaper,
  // or another brand), and a one-screen summary (what was said, what the
  // shopper wants, the slots known, the products shown, the cart). `now_ms`
  // is the turn's time (not before the session's last turn). NOT_FOUND for
  // an unknown conversation; FAILED_PRECONDITION without text and without
  // a shopper message at the desk.
  absl::StatusOr<v1::AgentSuggestions> SuggestForAgent(std::string_view conversation_id,
                                                       std::string_view text, int64_t now_ms);

  // Any desk call as JSON, for the C API and Python: {"call": "accept",
  // "agent": "nick", "conversation": "web-42"}. Calls "accept",
  // "agent_message" (with "text" and "messageId"), "resolve" and "tick"
  // run through the runtime above and return a
  // chatcart.v1.ConversationsDeskResponse; "suggest" (with "conversation"
  // and an optional "text") returns chatcart.v1.AgentSuggestions; every
  // other call goes to Desk::CallJson (desk.h lists them and their keys):
  // the ones that return a DeskUpdate have its shopper events delivered
  // (a ConversationsDeskResponse), reads return the desk's own JSON.
  // FAILED_PRECONDITION without a desk; INVALID_ARGUMENT for JSON that does
  // not parse; otherwise the call's own errors.
  absl::StatusOr<std::string> DeskCallJson(std::string_view request_json, int64_t now_ms);

  // The seed a new conversation's session gets (a hash of the id XOR
  // options.seed): Engine::NewSession(id, SeedFor(id)) replays it exactly.
  uint64_t SeedFor(std::string_view conversation_id) const;

  const Engine& engine() const { return *options_.engine; }
  SessionStore& store() const { return *options_.store; }

 private:
  explicit Conversations(ConversationsOptions options);
  absl::StatusOr<ConversationOutput> Apply(const ConversationInput& input,
                                           const channels::InboundMessage* inbound);
  // After a saved turn: the handoff or relayed message goes to the desk,
  // and the desk's events for this shopper run as turns.
  void RouteToDesk(const std::string& id, const v1::TurnInput& turn, ConversationOutput* out);
  // Runs `turns` in the stored conversation (created when new), saved by
  // compare-and-set, rendered for its channel when it has one; under the
  // conversation's lease unless the caller holds it (`leased`).
  absl::StatusOr<ConversationOutput> ApplyDeskTurns(const std::string& id,
                                                    const std::vector<v1::TurnInput>& turns,
                                                    std::string_view message_id, bool response,
                                                    bool leased = false);
  absl::Status NeedDesk() const;

  ConversationsOptions options_;
  std::atomic<uint64_t> calls_{0};
};

// Options from a chatcart.v1.ConversationsConfig (the C API's and Python's
// form), without engine, store or desk: unset fields keep the defaults; the
// desk policy's canned replies become canned_replies. INVALID_ARGUMENT for
// canned replies CannedReplies::Create refuses.
absl::StatusOr<ConversationsOptions> ConversationsOptionsFromConfig(
    const v1::ConversationsConfig& config);

// An output as a chatcart.v1.ConversationResponse: in the protobuf JSON
// mapping (map entries in key order), or as deterministic binary bytes.
absl::StatusOr<std::string> ConversationOutputToJson(const ConversationOutput& output);
std::string ConversationOutputToBytes(const ConversationOutput& output);

}  // namespace chatcart

#endif  // CHATCART_RUNTIME_H_
