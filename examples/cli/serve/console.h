// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// Console: the agents' side of `chatcart serve` (docs/SERVE.md): sign in
// from the accounts file, presence, the queue, offers to accept, several
// chats at once with the bot's suggestions, messages, private notes,
// products added to the shopper's cart, resolve, the transcript as text. The page is /console; its
// JSON API is under /console/api/, reachable only with a session cookie,
// and every change also needs the session's CSRF token (X-CSRF-Token).
//
// Thread safety: safe for concurrent access from multiple threads without
// any external synchronization (the desk and the runtime are).

#ifndef CHATCART_EXAMPLES_CLI_SERVE_CONSOLE_H_
#define CHATCART_EXAMPLES_CLI_SERVE_CONSOLE_H_

#include <functional>
#include <memory>
#include <string>

#include "chatcart/runtime.h"
#include "serve/accounts.h"
#include "serve/agent_sessions.h"
#include "serve/rate_limiter.h"

namespace httplib {
class Server;
class Request;
class Response;
}  // namespace httplib

namespace chatcart::serve {

class Console {
 public:
  // Registers every account as a desk agent. `show` gets what a desk call
  // or a cart change says to a shopper (for their event stream).
  Console(Conversations& conversations, Desk& desk, std::shared_ptr<const Accounts> accounts,
          std::shared_ptr<const CannedReplies> canned,
          std::function<void(const std::string& conversation_id, const v1::TurnResult&,
                             const std::string& agent_name)>
              show);

  void Routes(httplib::Server& http);
  // The desk's timers (offers lapsing, positions pushed); call every second.
  absl::Status Tick();

  // Conversations waiting (every language), and agents online and routable.
  int64_t QueueLength() const;
  int64_t AgentsOnline() const;

 private:
  using Handler = void (Console::*)(const AgentSessions::Session&, const httplib::Request&,
                                    httplib::Response&);
  // Wraps `handler`: 401 without a valid session, 403 when `change` and the
  // CSRF token is missing or wrong.
  std::function<void(const httplib::Request&, httplib::Response&)> Guard(Handler handler,
                                                                         bool change);
  void Login(const httplib::Request& req, httplib::Response& res);
  void Logout(const AgentSessions::Session&, const httplib::Request&, httplib::Response&);
  void State(const AgentSessions::Session&, const httplib::Request&, httplib::Response&);
  void Chat(const AgentSessions::Session&, const httplib::Request&, httplib::Response&);
  void Transcript(const AgentSessions::Session&, const httplib::Request&, httplib::Response&);
  void Canned(const AgentSessions::Session&, const httplib::Request&, httplib::Response&);
  void Presence(const AgentSessions::Session&, const httplib::Request&, httplib::Response&);
  void Act(const AgentSessions::Session&, const httplib::Request&, httplib::Response&);
  void Cart(const AgentSessions::Session&, const httplib::Request&, httplib::Response&);
  // What a desk call said to shoppers, to their streams (`agent_name`: the
  // words are that agent's).
  void Show(const DeskOutput& out, const std::string& agent_name = "");
  // Runs an update's events for shoppers through the runtime, then Show.
  void Deliver(const absl::StatusOr<v1::DeskUpdate>& update);

  Conversations& conversations_;
  Desk& desk_;
  std::shared_ptr<const Accounts> accounts_;
  std::shared_ptr<const CannedReplies> canned_;  // may be null
  std::function<void(const std::string&, const v1::TurnResult&, const std::string&)> show_;
  AgentSessions sessions_;
  RateLimiter logins_{5, std::chrono::milliseconds(10000)};
};

}  // namespace chatcart::serve

#endif  // CHATCART_EXAMPLES_CLI_SERVE_CONSOLE_H_
