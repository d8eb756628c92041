// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The agent desk: a shopper handed off by the bot waits in a queue, sees
// their place and wait, and is joined by a person who is helped by the bot.
//
//   std::shared_ptr<chatcart::DeskStore> store = chatcart::NewInMemoryDeskStore();
//   auto desk = chatcart::Desk::Create(store, options);        // DeskOptions
//   (*desk)->SetAgent({.id = "nick", .name = "Nick", .languages = {"en"}}, now);
//   (*desk)->SetAvailability("nick", v1::DeskAgent::ONLINE, now);
//   auto update = (*desk)->RequestAgent({.conversation_id = "web-42", .language = "en"}, now);
//   // update->events(): "You're next." to the shopper, an OFFER to nick
//   (*desk)->Accept("nick", "web-42", now + absl::Seconds(5));
//   // AGENT_JOINED: "Nick has joined. Your reference number for this chat is #1."
//   (*desk)->ShopperMessage("web-42", "my card is 4111 1111 1111 1111", now);
//   // stored and relayed as "my card is •••• 1111"
//   (*desk)->Resolve("nick", "web-42", now);
//   auto email = (*desk)->TranscriptEmail("web-42", {});
//
// Every call takes the current time and the desk reads no clock, so a run
// replays exactly from its inputs. Every call returns what changed as a
// v1::DeskUpdate (chatcart/v1/desk.proto): the conversation after the call
// and the events the host delivers, in order (a message to the shopper, an
// offer to an agent, a relayed message). Timers (offers that lapse, presence
// that expires, position updates, snoozes that end, the maximum wait) fire
// in Tick(now), which the host calls every second or so; decisions never
// depend on Tick having run (a lapsed offer cannot be accepted, an agent not
// seen within the presence timeout is not routed to).
//
// Conversations move BOT -> QUEUED -> ASSIGNED -> RESOLVED, plus PENDING (a
// message left for a person) and SNOOZED; a shopper message reopens a
// resolved one (back to the bot). Queues are per skill and language; higher
// priorities first, then the earliest queued; positions are 1-based and
// computed in O(log n). Agents are online when they said so and were seen
// within the presence timeout; routing is balanced (fewest open
// conversations, ties to the longest idle) or round robin, within each
// agent's capacity; an offer not accepted in time goes to the next agent,
// and too many misses in a row set the agent away, which sends their
// conversations back to their old places in the queue.
//
// Personal data (cards, IBANs, e-mails, phones: redact.h) is redacted from
// every message when it arrives, before it is stored or relayed.
//
// Errors: NOT_FOUND for an unknown conversation or agent; FAILED_PRECONDITION
// for a call the conversation's state does not allow (resolving a queued
// conversation, accepting an offer that lapsed or went to someone else,
// claiming beyond capacity); INVALID_ARGUMENT for bad values (a capacity
// outside 1-20, a rating outside 1-5, an empty id); OUT_OF_RANGE when `now`
// is earlier than the last change of a record the call touches by more than
// DeskOptions::clock_tolerance (time going backwards). A failed call changes
// nothing. Within the tolerance, an earlier time counts as the record's own
// (threads racing with their clock reads); a heartbeat older than the last
// one is a no-op.
//
// Text (#22): the desk keeps only well-formed UTF-8, so that every record,
// message and event it stores or returns serializes and parses back (a
// store such as Redis keeps them as protobuf bytes). Keys it stores and
// matches by their bytes (the ids of conversations and agents a call may
// create, skills, languages) are refused with INVALID_ARGUMENT when they
// are not well-formed: replacing their bad bytes could merge two shoppers'
// conversations. Every id a call takes (also one it only looks up) is at
// most kMaxIdBytes (512, chatcart/limits.h), or INVALID_ARGUMENT. Free
// text (messages, notes, names, reasons, titles, channels, contacts,
// comments, the store name, e-mail subjects) is kept with each ill-formed
// subsequence replaced by U+FFFD. Input quoted in an error message is cut
// to its first 64 bytes.
//
// Thread safety: a Desk is safe for concurrent access from multiple threads
// without any external synchronization: calls are serialized by a mutex.
// Several desks (in one process or many) may share one store: each call
// commits one batch with compare-and-set on the records it read, and retries
// on a conflict (see desk_store.h).

#ifndef CHATCART_DESK_H_
#define CHATCART_DESK_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/time/time.h"
#include "chatcart/desk_store.h"
#include "chatcart/v1/desk.pb.h"

namespace chatcart {

enum class DeskRouting {
  // The routable agent with the fewest open conversations; ties go to the
  // one idle the longest (oldest assignment or close).
  kBalanced,
  // Online agents in turn (the oldest assignment first), within capacity.
  kRoundRobin,
};

struct DeskOptions {
  // ---- Routing

  DeskRouting routing = DeskRouting::kBalanced;
  // Concurrent conversations per agent, 1 to 20, unless the agent has their
  // own (DeskAgent.capacity). Default: 4.
  int default_capacity = 4;
  // An agent is online when seen (heartbeat, or any call of theirs) within
  // this. Default: 60 s.
  absl::Duration presence_timeout = absl::Seconds(60);
  // How long an offer waits for the agent's accept before it goes to the
  // next agent; zero assigns at once, without offers. Default: 30 s.
  absl::Duration offer_timeout = absl::Seconds(30);
  // Offers in a row an agent may let lapse before the desk sets them away.
  // Default: 5.
  int max_missed_offers = 5;
  // Whether the conversations of an agent whose presence lapses go back to
  // the queue (at their old places), as they do when the agent goes away.
  // Default: true.
  bool requeue_when_offline = true;

  // ---- Queue

  // Conversations waiting per queue; beyond it RequestAgent answers
  // QUEUE_FULL. 0: unlimited. Default: 0.
  int max_queue_length = 0;
  // After this wait the shopper is offered to leave a message or a callback
  // (WAIT_EXCEEDED); zero: never. Default: zero.
  absl::Duration max_queue_wait = absl::ZeroDuration();
  // Position updates are pushed when the position changed, at most this
  // often, and at most every busy_position_update_interval while more than
  // busy_queue_length wait. Default: 30 s, 60 s, 150.
  absl::Duration position_update_interval = absl::Seconds(30);
  absl::Duration busy_position_update_interval = absl::Seconds(60);
  int busy_queue_length = 150;

  // ---- Wait estimates

  // The weight of the newest wait in the EWMA: A <- (1-w) A' + w W.
  // Default: 0.1.
  double wait_smoothing = 0.1;
  // Samples before the EWMA estimate is known. Default: 20.
  int min_wait_samples = 20;
  // A queue without samples for this long starts learning again. Default:
  // 7 days.
  absl::Duration stats_reset_after = absl::Hours(24 * 7);
  // Waits up to this are not shown (the position is). Default: 1 min.
  absl::Duration show_wait_above = absl::Minutes(1);

  // ---- Time

  // How much earlier than a record's last change a call may be and still
  // count (at the record's time). Default: 2 s.
  absl::Duration clock_tolerance = absl::Seconds(2);

  // The store's name, for transcript subjects ("Your chat with Toyland &
  // Tech"). Default: empty ("Your chat with us").
  std::string store_name = {};

  // OK, or INVALID_ARGUMENT naming the first bad field.
  absl::Status Validate() const;

  // Options from a bundle's desk policy (its zero fields keep the defaults).
  // INVALID_ARGUMENT for an unknown routing or out-of-range value.
  static absl::StatusOr<DeskOptions> FromPolicy(const v1::DeskPolicy& policy);
};

// A shopper asks for a person (or the bot hands them over).
struct HandoffRequest {
  std::string conversation_id = {};
  // The team or skill ("" is the general queue) and the language ("en",
  // "it", "fr"; "" any).
  std::string skill = {};
  std::string language = {};
  v1::DeskPriority priority = v1::PRIORITY_MEDIUM;
  std::string reason = {};
  std::string title = {};
  std::string channel = {};
};

// Who an agent is. Availability and presence are set by calls.
struct AgentProfile {
  std::string id = {};
  std::string name = {};
  std::vector<std::string> skills = {};
  // Empty: every language.
  std::vector<std::string> languages = {};
  // 1 to 20; 0 is the desk's default.
  int capacity = 0;
};

struct TranscriptEmailOptions {
  // After "[#<reference>] ". Empty: "Your chat with <store name>" in the
  // conversation's language.
  std::string subject = {};
  // Added as Reply-To when set (the store's support address).
  std::string reply_to = {};
};

// Counters of a desk's life, for monitoring.
struct DeskCounters {
  int64_t calls = 0;
  // Commits retried because another desk changed a record first.
  int64_t conflicts = 0;
  // Matches after a committed change that failed (the conversation waits
  // for the next match; see Desk::Tick).
  int64_t match_errors = 0;
};

class Desk {
 public:
  // A desk over `store` (shared with other desks, see desk_store.h).
  // INVALID_ARGUMENT for options that do not validate or a null store.
  static absl::StatusOr<std::unique_ptr<Desk>> Create(std::shared_ptr<DeskStore> store,
                                                      DeskOptions options = {});

  Desk(const Desk&) = delete;
  Desk& operator=(const Desk&) = delete;
  ~Desk();

  // ---- The shopper's side

  // Queues the conversation for a person (created in the bot's hands when
  // new). Events: QUEUE_POSITION to the shopper, OFFER to an agent when one
  // is free, or QUEUE_FULL when the queue is at its maximum (the
  // conversation stays with the bot). A conversation already queued or
  // assigned is left as it is (its update says where it is).
  absl::StatusOr<v1::DeskUpdate> RequestAgent(const HandoffRequest& request, absl::Time now);

  // Records a shopper message (redacted on arrival; the conversation is
  // created in the bot's hands when new). Relayed to the agent when
  // assigned (SHOPPER_MESSAGE); reopens a resolved conversation (REOPENED,
  // back to the bot); wakes a snoozed one.
  absl::StatusOr<v1::DeskUpdate> ShopperMessage(std::string_view conversation_id,
                                                std::string_view text, absl::Time now);
  // Records what the bot said (redacted too), for the transcript.
  absl::StatusOr<v1::DeskUpdate> BotMessage(std::string_view conversation_id, std::string_view text,
                                            absl::Time now);
  // The shopper gives up waiting: back to the bot, counted as abandoned.
  // FAILED_PRECONDITION unless queued.
  absl::StatusOr<v1::DeskUpdate> LeaveQueue(std::string_view conversation_id, absl::Time now);
  // The shopper leaves a message (and optionally where to call them back)
  // instead of waiting: PENDING, out of the live queue, for an agent to
  // take with Assign or Claim. From BOT or QUEUED.
  absl::StatusOr<v1::DeskUpdate> LeaveMessage(std::string_view conversation_id,
                                              std::string_view text, std::string_view contact,
                                              absl::Time now);
  // Where a queued conversation stands (position 0 when not queued).
  absl::StatusOr<v1::DeskQueueStatus> QueueStatus(std::string_view conversation_id,
                                                  absl::Time now) const;
  // The shopper's rating, 1-5 with an optional comment, linked to the agent
  // who last held the conversation. A new rating replaces the last one.
  // FAILED_PRECONDITION when no agent ever held it.
  absl::StatusOr<v1::DeskUpdate> Rate(std::string_view conversation_id, int score,
                                      std::string_view comment, absl::Time now);

  // ---- Agents

  // Creates or updates an agent's profile (availability, presence and
  // conversations are kept). INVALID_ARGUMENT for an empty id or a capacity
  // outside 0-20.
  absl::StatusOr<v1::DeskUpdate> SetAgent(const AgentProfile& profile, absl::Time now);
  // The agent is still there (refreshes presence; a lapsed agent who is
  // ONLINE becomes routable again and may receive offers).
  absl::StatusOr<v1::DeskUpdate> Heartbeat(std::string_view agent_id, absl::Time now);
  // ONLINE (also a heartbeat), AWAY or OFFLINE. Going away or offline sends
  // the agent's conversations back to their old places in the queue.
  absl::StatusOr<v1::DeskUpdate> SetAvailability(std::string_view agent_id,
                                                 v1::DeskAgent::Availability availability,
                                                 absl::Time now);
  // Takes a conversation offered to the agent: ASSIGNED, AGENT_JOINED to
  // the shopper with the reference. Accepting again is a no-op.
  // FAILED_PRECONDITION when the offer lapsed or is someone else's.
  absl::StatusOr<v1::DeskUpdate> Accept(std::string_view agent_id, std::string_view conversation_id,
                                        absl::Time now);
  // Turns an offer down: it goes to the next agent (no miss counted).
  absl::StatusOr<v1::DeskUpdate> Decline(std::string_view agent_id,
                                         std::string_view conversation_id, absl::Time now);
  // The agent takes a queued or pending conversation themselves, within
  // their capacity (FAILED_PRECONDITION beyond it).
  absl::StatusOr<v1::DeskUpdate> Claim(std::string_view agent_id, std::string_view conversation_id,
                                       absl::Time now);
  // A supervisor assigns (or transfers) a conversation to an agent, even
  // beyond their capacity and whether or not they are online.
  absl::StatusOr<v1::DeskUpdate> Assign(std::string_view conversation_id, std::string_view agent_id,
                                        absl::Time now);
  // The agent's message to the shopper (redacted; AGENT_MESSAGE).
  // FAILED_PRECONDITION unless the agent holds the conversation.
  absl::StatusOr<v1::DeskUpdate> AgentMessage(std::string_view agent_id,
                                              std::string_view conversation_id,
                                              std::string_view text, absl::Time now);
  // A private note for agents: stored (redacted), never shown to the
  // shopper nor put in a transcript. Any known agent may add one.
  absl::StatusOr<v1::DeskUpdate> AddNote(std::string_view agent_id,
                                         std::string_view conversation_id, std::string_view text,
                                         absl::Time now);
  // Sets an assigned conversation aside until `until` (later than now); it
  // stops counting against the agent's capacity.
  absl::StatusOr<v1::DeskUpdate> Snooze(std::string_view agent_id, std::string_view conversation_id,
                                        absl::Time until, absl::Time now);
  // Closes an assigned, snoozed or pending conversation (RESOLVED to the
  // shopper; the bot takes over). `agent_id` may be empty (the host or a
  // supervisor). FAILED_PRECONDITION for a queued one (LeaveQueue is the
  // shopper's way out) or one with the bot.
  absl::StatusOr<v1::DeskUpdate> Resolve(std::string_view agent_id,
                                         std::string_view conversation_id, absl::Time now);

  // ---- Time

  // Fires every timer due at `now`: lapsed offers (to the next agent; misses
  // counted), presence that expired (requeues), position updates, the
  // maximum wait, snoozes that end. Returns their events in due order. A
  // `now` earlier than a previous Tick's finds nothing due (a no-op). Each
  // timer is its own step: one whose records changed later than `now` by
  // more than the clock tolerance is left due, unchanged, for a later Tick
  // (never OUT_OF_RANGE after others fired, #22).
  absl::StatusOr<v1::DeskUpdate> Tick(absl::Time now);

  // ---- Reads

  absl::StatusOr<v1::DeskConversation> Conversation(std::string_view conversation_id) const;
  absl::StatusOr<v1::DeskAgent> Agent(std::string_view agent_id) const;
  // The conversations waiting in a queue, in order, from 1-based position
  // `from`, at most `limit`.
  absl::StatusOr<std::vector<v1::DeskConversation>> Waiting(std::string_view skill,
                                                            std::string_view language, int from,
                                                            int limit) const;
  // What a queue has learned (empty stats for a queue never used).
  absl::StatusOr<v1::DeskQueueStats> QueueStats(std::string_view skill,
                                                std::string_view language) const;
  // The chat without private notes.
  absl::StatusOr<v1::DeskTranscript> Transcript(std::string_view conversation_id) const;
  // Every message, notes included, for agents.
  absl::StatusOr<std::vector<v1::DeskMessage>> Messages(std::string_view conversation_id) const;
  // The transcript as an e-mail: subject "[#<reference>] ...", headers
  // (Auto-Submitted: auto-generated), plain text and HTML.
  absl::StatusOr<v1::DeskTranscriptEmail> TranscriptEmail(
      std::string_view conversation_id, const TranscriptEmailOptions& options) const;

  // Any call above as one JSON object, for hosts in other languages (the C
  // API and Python use it): {"call": "request_agent", "conversation":
  // "web-42", "language": "en", "priority": "PRIORITY_HIGH"}; keys
  // "conversation", "agent", "text", "skill", "language", "reason",
  // "title", "channel", "contact", "score", "comment", "name", "skills",
  // "languages", "capacity", "availability" ("ONLINE"...), "untilUnixMs",
  // "subject", "replyTo" as the call needs them. Calls: request_agent,
  // shopper_message, bot_message, leave_queue, leave_message, rate,
  // set_agent, heartbeat, set_availability, accept, decline, claim, assign,
  // agent_message, note, snooze, resolve, tick (a DeskUpdate out),
  // queue_status, conversation, agent, transcript, transcript_email,
  // queue_stats (that message out), in the protobuf JSON mapping.
  // INVALID_ARGUMENT naming the key for a malformed request; otherwise the
  // call's own errors.
  absl::StatusOr<std::string> CallJson(std::string_view request_json, absl::Time now);

  DeskCounters counters() const;
  const DeskOptions& options() const;

 private:
  struct Rep;
  explicit Desk(std::unique_ptr<Rep> rep);
  std::unique_ptr<Rep> rep_;
};

// The queue name of a skill and language in the store ("<skill>|<lang>").
std::string DeskQueueName(std::string_view skill, std::string_view language);

// ---- Transcripts

// The chat as plain text, one message a line: "[10:02] Nick: On its way."
// (UTC times; desk activity in parentheses).
std::string RenderTranscriptText(const v1::DeskTranscript& transcript);
// The same as an HTML e-mail for the host to send. Every string of it is
// well-formed UTF-8 (ill-formed bytes of `store_name`, the options or the
// transcript become U+FFFD).
v1::DeskTranscriptEmail RenderTranscriptEmail(const v1::DeskTranscript& transcript,
                                              std::string_view store_name,
                                              const TranscriptEmailOptions& options);

// ---- Staffing (Erlang C, M/M/N)

struct StaffingResult {
  int agents = 0;
  // Offered load A = arrivals x handle time, in Erlangs.
  double load = 0;
  // Probability that a chat waits at all.
  double p_wait = 0;
  // Mean wait over all chats, in seconds (ASA).
  double average_answer_s = 0;
  // Share of chats answered within the target time.
  double service_level = 0;
  // Load / agents.
  double occupancy = 0;
};

// Erlang C for `agents` serving `arrivals_per_hour` chats of mean
// `handle_time_s`; service_level is for `answer_within_s`. With 30 chats an
// hour of 300 s, 4 agents give p_wait 0.3199 and 64.0 s. For chat
// concurrency, count slots (agents x capacity) as agents: an approximation,
// since handle time grows with concurrency. INVALID_ARGUMENT for values that
// are not positive or agents not above the load (the queue would grow
// without bound).
absl::StatusOr<StaffingResult> ErlangC(double arrivals_per_hour, double handle_time_s, int agents,
                                       double answer_within_s = 20);
// The fewest agents whose average answer time is at most
// `target_answer_s`, with their figures. INVALID_ARGUMENT for values that
// are not positive (the target may be 0: no wait at all is never promised,
// so it is INVALID_ARGUMENT too) or a need above 10,000 agents.
absl::StatusOr<StaffingResult> AgentsNeeded(double arrivals_per_hour, double handle_time_s,
                                            double target_answer_s, double answer_within_s = 20);

// ---- Canned replies

// A store's canned replies (from its bundle's desk policy), searched by the
// agent as they type: a code starting with the query ranks first (1.0),
// then a code containing it (0.5), then a text containing it (0.2);
// case and accents are ignored. Immutable and safe to share across threads.
class CannedReplies {
 public:
  struct Match {
    const v1::CannedReply* reply;
    double score;
  };

  // INVALID_ARGUMENT naming the reply for an empty or malformed code (only
  // letters, digits, '-' and '_'), an empty text, or a code given twice for
  // one locale.
  static absl::StatusOr<CannedReplies> Create(std::vector<v1::CannedReply> replies);

  CannedReplies() = default;

  // Best first (ties by code), at most `limit`; only replies for `locale`
  // or for every locale when `locale` is set.
  std::vector<Match> Search(std::string_view query, std::string_view locale = "",
                            size_t limit = 10) const;
  // The replies answering `intent`, those of `locale` first.
  std::vector<const v1::CannedReply*> ForIntent(std::string_view intent,
                                                std::string_view locale = "") const;
  // The reply with `code` for `locale` (else the one for every locale), or
  // null.
  const v1::CannedReply* Find(std::string_view code, std::string_view locale = "") const;

  size_t size() const { return replies_.size(); }

 private:
  std::vector<v1::CannedReply> replies_;
  std::vector<std::string> folded_codes_;
  std::vector<std::string> folded_texts_;
};

}  // namespace chatcart

#endif  // CHATCART_DESK_H_
