// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.

#include "serve/console.h"

#include <httplib.h>

#include <cstdio>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/time/clock.h"
#include "chatcart/wire.h"
#include "json_writer.h"
#include "serve/assets.h"
#include "serve/json_body.h"

namespace chatcart::serve {
namespace {

constexpr char kCookie[] = "cc_agent";
constexpr const char* kLanguages[] = {"en", "it", "fr"};

std::string CookieToken(const httplib::Request& req) {
  const std::string cookies = req.get_header_value("Cookie");
  const std::string key = std::string(kCookie) + "=";
  for (size_t at = 0; at < cookies.size();) {
    size_t end = cookies.find(';', at);
    if (end == std::string::npos) end = cookies.size();
    size_t start = cookies.find_first_not_of(' ', at);
    if (start < end && cookies.compare(start, key.size(), key) == 0) {
      return cookies.substr(start + key.size(), end - start - key.size());
    }
    at = end + 1;
  }
  return "";
}

// A conversation of the web widget, as the desk and the runtime name it.
bool IsWebConversation(std::string_view id) {
  return id.rfind("web:", 0) == 0 && IsToken(id.substr(4));
}

// An error of a desk or runtime call, as the console shows it: agents see
// the rule that refused (they are staff); a store failure is generic.
void CallError(httplib::Response& res, const absl::Status& s) {
  switch (s.code()) {
    case absl::StatusCode::kFailedPrecondition:
    case absl::StatusCode::kAlreadyExists:
      return JsonError(res, 409, std::string(s.message()));
    case absl::StatusCode::kNotFound:
      return JsonError(res, 404, std::string(s.message()));
    case absl::StatusCode::kInvalidArgument:
    case absl::StatusCode::kOutOfRange:
      return JsonError(res, 400, std::string(s.message()));
    default:
      std::fprintf(stderr, "serve: console: %s\n", s.ToString().c_str());
      return JsonError(res, 503, "the desk is unavailable; try again");
  }
}

std::string ProtoJson(const google::protobuf::Message& m) {
  absl::StatusOr<std::string> json = DeterministicJson(m);
  return json.ok() ? *json : "null";
}

// The cart as the shopper's widget shows it (a reply with only a cart).
v1::TurnResult CartReply(const v1::CartApplyResponse& r) {
  v1::TurnResult result;
  v1::CartSummary* summary = result.add_replies()->mutable_cart();
  const std::string& currency = r.cart().currency();
  for (int i = 0; i < r.cart().lines_size(); ++i) {
    const v1::CartLine& line = r.cart().lines(i);
    v1::CartSummaryLine* out = summary->add_lines();
    out->set_product_id(line.product_id());
    out->set_title(line.title());
    out->set_quantity(line.quantity());
    for (const v1::LineTotals& t : r.totals().lines()) {
      if (t.line_id() == line.line_id()) *out->mutable_line_total() = t.total();
    }
    if (!out->has_line_total()) {
      out->mutable_line_total()->set_minor_units(line.unit_price() * line.quantity());
      out->mutable_line_total()->set_currency(currency);
    }
  }
  *summary->mutable_subtotal() = r.totals().subtotal();
  *summary->mutable_discount() = r.totals().discount();
  *summary->mutable_tax() = r.totals().tax();
  *summary->mutable_shipping() = r.totals().shipping();
  *summary->mutable_total() = r.totals().grand_total();
  summary->set_version(static_cast<int64_t>(r.version()));
  return result;
}

}  // namespace

Console::Console(
    Conversations& conversations, Desk& desk, std::shared_ptr<const Accounts> accounts,
    std::shared_ptr<const CannedReplies> canned,
    std::function<void(const std::string&, const v1::TurnResult&, const std::string&)> show)
    : conversations_(conversations),
      desk_(desk),
      accounts_(std::move(accounts)),
      canned_(std::move(canned)),
      show_(std::move(show)) {
  for (const auto& [id, account] : accounts_->all()) {
    AgentProfile profile;
    profile.id = id;
    profile.name = account.name;
    if (auto s = desk_.SetAgent(profile, absl::Now()); !s.ok()) {
      std::fprintf(stderr, "serve: agent %s: %s\n", id.c_str(), s.status().ToString().c_str());
    }
  }
}

void Console::Show(const DeskOutput& out, const std::string& agent_name) {
  for (const DeskOutput::Delivery& d : out.shoppers) {
    show_(d.conversation_id, d.output.result, agent_name);
  }
  if (!out.delivery_status.ok()) {
    std::fprintf(stderr, "serve: delivery: %s\n", out.delivery_status.ToString().c_str());
  }
}

void Console::Deliver(const absl::StatusOr<v1::DeskUpdate>& update) {
  if (!update.ok()) return;
  absl::StatusOr<DeskOutput> out = conversations_.Deliver(*update, absl::ToUnixMillis(absl::Now()));
  if (out.ok()) Show(*out);
}

absl::Status Console::Tick() {
  absl::StatusOr<DeskOutput> out = conversations_.TickDesk(absl::ToUnixMillis(absl::Now()));
  if (!out.ok()) return out.status();
  Show(*out);
  return absl::OkStatus();
}

int64_t Console::QueueLength() const {
  int64_t n = 0;
  for (const char* lang : kLanguages) {
    auto waiting = desk_.Waiting("", lang, 1, 100000);
    if (waiting.ok()) n += static_cast<int64_t>(waiting->size());
  }
  return n;
}

int64_t Console::AgentsOnline() const {
  int64_t n = 0;
  for (const auto& [id, account] : accounts_->all()) {
    auto agent = desk_.Agent(id);
    if (agent.ok() && agent->availability() == v1::DeskAgent::ONLINE && agent->routable()) ++n;
  }
  return n;
}

std::function<void(const httplib::Request&, httplib::Response&)> Console::Guard(Handler handler,
                                                                                bool change) {
  return [this, handler, change](const httplib::Request& req, httplib::Response& res) {
    res.set_header("Cache-Control", "no-store");
    std::optional<AgentSessions::Session> session = sessions_.Find(CookieToken(req));
    if (!session.has_value()) return JsonError(res, 401, "sign in first");
    if (change && !AgentSessions::CsrfMatches(*session, req.get_header_value("X-CSRF-Token"))) {
      return JsonError(res, 403, "missing or wrong CSRF token; reload the console");
    }
    (this->*handler)(*session, req, res);
  };
}

void Console::Routes(httplib::Server& http) {
  auto asset = [](std::string_view path) {
    return [path](const httplib::Request&, httplib::Response& res) {
      const Asset* a = FindAsset(path);
      res.set_header("Cache-Control", "no-cache");
      res.set_content(a->body.data(), a->body.size(), std::string(a->content_type).c_str());
    };
  };
  http.Get("/console", asset("/console.html"));
  http.Get("/console.js", asset("/console.js"));
  http.Get("/console.css", asset("/console.css"));
  http.Post("/console/api/login",
            [this](const httplib::Request& req, httplib::Response& res) { Login(req, res); });
  http.Post("/console/api/logout", Guard(&Console::Logout, true));
  http.Get("/console/api/state", Guard(&Console::State, false));
  http.Get("/console/api/chat", Guard(&Console::Chat, false));
  http.Get("/console/api/transcript", Guard(&Console::Transcript, false));
  http.Get("/console/api/canned", Guard(&Console::Canned, false));
  http.Post("/console/api/presence", Guard(&Console::Presence, true));
  http.Post("/console/api/act", Guard(&Console::Act, true));
  http.Post("/console/api/cart", Guard(&Console::Cart, true));
}

void Console::Login(const httplib::Request& req, httplib::Response& res) {
  auto fields = ParseStringObject(req.body);
  if (!fields.ok()) return JsonError(res, 400, std::string(fields.status().message()));
  const std::string agent = (*fields)["agent"], password = (*fields)["password"];
  if (agent.empty() || agent.size() > 64 || password.size() > 256) {
    return JsonError(res, 400, "give agent and password");
  }
  if (!logins_.Allow(agent)) {
    res.set_header("Retry-After", "10");
    return JsonError(res, 429, "too many attempts; wait a few seconds");
  }
  const Account* account = accounts_->Verify(agent, password);
  if (account == nullptr) return JsonError(res, 401, "wrong agent or password");
  AgentSessions::Session session;
  std::string token = sessions_.Start(account->id, &session);
  res.set_header("Set-Cookie", absl::StrCat(kCookie, "=", token,
                                            "; Path=/; HttpOnly; SameSite=Strict; Max-Age=43200"));
  Deliver(desk_.SetAvailability(account->id, v1::DeskAgent::ONLINE, absl::Now()));
  cli::JsonWriter w;
  w.BeginObject();
  w.Key("agent");
  w.String(account->id);
  w.Key("name");
  w.String(account->name);
  w.Key("csrf");
  w.String(session.csrf);
  w.EndObject();
  res.set_content(w.str(), "application/json");
}

void Console::Logout(const AgentSessions::Session& session, const httplib::Request& req,
                     httplib::Response& res) {
  Deliver(desk_.SetAvailability(session.agent_id, v1::DeskAgent::OFFLINE, absl::Now()));
  sessions_.End(CookieToken(req));
  res.set_header("Set-Cookie",
                 absl::StrCat(kCookie, "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0"));
  res.set_content("{}", "application/json");
}

void Console::State(const AgentSessions::Session& session, const httplib::Request&,
                    httplib::Response& res) {
  Deliver(desk_.Heartbeat(session.agent_id, absl::Now()));
  absl::StatusOr<v1::DeskAgent> agent = desk_.Agent(session.agent_id);
  if (!agent.ok()) return CallError(res, agent.status());
  cli::JsonWriter w;
  w.BeginObject();
  w.Key("agent");
  w.Raw(ProtoJson(*agent));
  w.Key("csrf");
  w.String(session.csrf);
  w.Key("queue");
  w.BeginArray();
  const int64_t now_ms = absl::ToUnixMillis(absl::Now());
  for (const char* lang : kLanguages) {
    auto waiting = desk_.Waiting("", lang, 1, 50);
    if (!waiting.ok()) continue;
    int position = 0;
    for (const v1::DeskConversation& c : *waiting) {
      w.BeginObject();
      w.Key("conversation");
      w.String(c.id());
      w.Key("language");
      w.String(c.language());
      w.Key("position");
      w.Int(++position);
      w.Key("waitingS");
      w.Int((now_ms - c.queued_unix_ms()) / 1000);
      w.Key("offeredTo");
      w.String(c.offer_agent_id());
      w.EndObject();
    }
  }
  w.EndArray();
  w.EndObject();
  res.set_content(w.str(), "application/json");
}

void Console::Chat(const AgentSessions::Session&, const httplib::Request& req,
                   httplib::Response& res) {
  const std::string id = req.get_param_value("conversation");
  if (!IsWebConversation(id)) return JsonError(res, 400, "conversation: web:<id>");
  absl::StatusOr<v1::DeskConversation> conversation = desk_.Conversation(id);
  if (!conversation.ok()) return CallError(res, conversation.status());
  absl::StatusOr<std::vector<v1::DeskMessage>> messages = desk_.Messages(id);
  if (!messages.ok()) return CallError(res, messages.status());
  cli::JsonWriter w;
  w.BeginObject();
  w.Key("conversation");
  w.Raw(ProtoJson(*conversation));
  w.Key("messages");
  w.BeginArray();
  for (const v1::DeskMessage& m : *messages) w.Raw(ProtoJson(m));
  w.EndArray();
  w.Key("suggestions");
  absl::StatusOr<v1::AgentSuggestions> suggestions =
      conversations_.SuggestForAgent(id, "", absl::ToUnixMillis(absl::Now()));
  if (suggestions.ok()) {
    w.Raw(ProtoJson(*suggestions));
  } else {
    w.Null();
  }
  w.EndObject();
  res.set_content(w.str(), "application/json");
}

void Console::Transcript(const AgentSessions::Session&, const httplib::Request& req,
                         httplib::Response& res) {
  const std::string id = req.get_param_value("conversation");
  if (!IsWebConversation(id)) return JsonError(res, 400, "conversation: web:<id>");
  absl::StatusOr<v1::DeskTranscript> transcript = desk_.Transcript(id);
  if (!transcript.ok()) return CallError(res, transcript.status());
  // The shopper's words as a download, never a page.
  res.set_header("Content-Disposition",
                 absl::StrCat("attachment; filename=\"transcript-",
                              transcript->conversation().reference(), ".txt\""));
  res.set_content(RenderTranscriptText(*transcript), "text/plain; charset=utf-8");
}

void Console::Canned(const AgentSessions::Session&, const httplib::Request& req,
                     httplib::Response& res) {
  const std::string query = req.get_param_value("q"), locale = req.get_param_value("locale");
  if (query.size() > 64 || locale.size() > 8) return JsonError(res, 400, "q or locale too long");
  cli::JsonWriter w;
  w.BeginArray();
  if (canned_ != nullptr) {
    for (const CannedReplies::Match& m : canned_->Search(query, locale, 8)) {
      w.BeginObject();
      w.Key("code");
      w.String(m.reply->code());
      w.Key("locale");
      w.String(m.reply->locale());
      w.Key("text");
      w.String(m.reply->text());
      w.EndObject();
    }
  }
  w.EndArray();
  res.set_content(w.str(), "application/json");
}

void Console::Presence(const AgentSessions::Session& session, const httplib::Request& req,
                       httplib::Response& res) {
  auto fields = ParseStringObject(req.body);
  if (!fields.ok()) return JsonError(res, 400, std::string(fields.status().message()));
  v1::DeskAgent::Availability availability;
  if (!v1::DeskAgent::Availability_Parse((*fields)["availability"], &availability) ||
      availability == v1::DeskAgent::AVAILABILITY_UNSPECIFIED) {
    return JsonError(res, 400, "availability: ONLINE, AWAY or OFFLINE");
  }
  absl::StatusOr<v1::DeskUpdate> update =
      desk_.SetAvailability(session.agent_id, availability, absl::Now());
  if (!update.ok()) return CallError(res, update.status());
  Deliver(update);
  res.set_content("{}", "application/json");
}

void Console::Act(const AgentSessions::Session& session, const httplib::Request& req,
                  httplib::Response& res) {
  auto fields = ParseStringObject(req.body);
  if (!fields.ok()) return JsonError(res, 400, std::string(fields.status().message()));
  const std::string action = (*fields)["action"], id = (*fields)["conversation"];
  const std::string text = (*fields)["text"], message_id = (*fields)["id"];
  if (!IsWebConversation(id)) return JsonError(res, 400, "conversation: web:<id>");
  if ((action == "message" || action == "note") && (text.empty() || text.size() > 2000)) {
    return JsonError(res, 400, "text: 1 to 2,000 bytes");
  }
  const std::string& agent = session.agent_id;
  const absl::Time now = absl::Now();
  const int64_t now_ms = absl::ToUnixMillis(now);
  absl::StatusOr<DeskOutput> out =
      absl::InvalidArgumentError("action: accept, decline, claim, message, note or resolve");
  if (action == "accept") {
    out = conversations_.Accept(agent, id, now_ms);
  } else if (action == "message") {
    if (!IsToken(message_id)) return JsonError(res, 400, "id: 8 to 64 letters, digits, - or _");
    out = conversations_.AgentMessage(agent, id, message_id, text, now_ms);
  } else if (action == "resolve") {
    out = conversations_.Resolve(agent, id, now_ms);
  } else if (action == "claim" || action == "decline" || action == "note") {
    absl::StatusOr<v1::DeskUpdate> update = action == "claim" ? desk_.Claim(agent, id, now)
                                            : action == "decline"
                                                ? desk_.Decline(agent, id, now)
                                                : desk_.AddNote(agent, id, text, now);
    out = update.ok() ? conversations_.Deliver(*update, now_ms)
                      : absl::StatusOr<DeskOutput>(update.status());
  }
  if (!out.ok()) return CallError(res, out.status());
  const Account* account = accounts_->Find(agent);
  Show(*out, action == "message" && account != nullptr ? account->name : "");
  res.set_content("{}", "application/json");
}

void Console::Cart(const AgentSessions::Session& session, const httplib::Request& req,
                   httplib::Response& res) {
  auto fields = ParseStringObject(req.body);
  if (!fields.ok()) return JsonError(res, 400, std::string(fields.status().message()));
  const std::string id = (*fields)["conversation"], message_id = (*fields)["id"];
  int64_t quantity = 1;
  if (!IsWebConversation(id)) return JsonError(res, 400, "conversation: web:<id>");
  if (!IsToken(message_id)) return JsonError(res, 400, "id: 8 to 64 letters, digits, - or _");
  if ((*fields).count("quantity") &&
      (!absl::SimpleAtoi((*fields)["quantity"], &quantity) || quantity < 1 || quantity > 99)) {
    return JsonError(res, 400, "quantity: 1 to 99");
  }
  // Only the agent holding the conversation acts on its cart.
  absl::StatusOr<v1::DeskConversation> held = desk_.Conversation(id);
  if (!held.ok()) return CallError(res, held.status());
  if (held->agent_id() != session.agent_id) {
    return JsonError(res, 409, "you do not hold this conversation");
  }
  CartCommand command;
  commands::AddLine add;
  add.product_id = (*fields)["product"];
  add.quantity = quantity;
  command.action = add;
  command.actor = Actor::Agent(session.agent_id);
  command.time = absl::Now();
  absl::StatusOr<CartCommandOutput> out = conversations_.ApplyCartCommand(id, message_id, command);
  if (!out.ok()) return CallError(res, out.status());
  if (out->response.has_error()) return JsonError(res, 409, out->response.error().message());
  if (!out->duplicate) show_(id, CartReply(out->response), "");
  res.set_content(ProtoJson(out->response), "application/json");
}

}  // namespace chatcart::serve
