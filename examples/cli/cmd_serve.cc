// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// chatcart serve --bundle DIR [--store URL] [--host H] [--port N]
//   The storefront: a shop page with the chat widget, over the
//   Conversations runtime (docs/SERVE.md). Runs until SIGINT or SIGTERM.
//   --store URL      memory: (default), sqlite:PATH, redis://HOST:PORT
//   --host H         default 127.0.0.1
//   --port N         default 8080; 0 picks a free port
//   --threads N      HTTP workers, one per open event stream (default 256)
//   --agents FILE    the agents who may sign in to the console (/console),
//                    one "id:name:pbkdf2-sha256:..." line each (`chatcart
//                    agent-password` writes one); turns the agent desk on
//   --desk-policy F  the desk's options and canned replies (a
//                    chatcart.v1.DeskPolicy in protobuf text format)
//   --port-file F    writes the bound port to F once listening (for tests)
//   --public-url URL the URL Twilio calls, without the path (its signature)
//   --send-api-base URL  where the platforms' send APIs are (default: theirs)
// Webhooks (/webhooks/messenger|whatsapp|twilio) take their secrets from the
// environment, never the command line: CHATCART_META_APP_SECRET,
// CHATCART_META_VERIFY_TOKEN, CHATCART_TWILIO_AUTH_TOKEN; answers are sent
// with CHATCART_MESSENGER_PAGE_TOKEN, CHATCART_WHATSAPP_TOKEN and
// CHATCART_TWILIO_ACCOUNT_SID (without them, nothing is sent).
// It prints "chatcart serve: http://HOST:PORT/" when it is listening.

#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

#include "absl/strings/numbers.h"
#include "chatcart/desk.h"
#include "chatcart/desk_store.h"
#include "chatcart/runtime.h"
#include "chatcart/store.h"
#include "command.h"
#include "conversation.h"
#include "google/protobuf/text_format.h"
#include "serve/accounts.h"
#include "serve/storefront.h"

namespace chatcart::cli {
namespace {

int Usage(const std::string& message) {
  std::fprintf(stderr, "chatcart serve: %s\n", message.c_str());
  return kExitUsage;
}

int RunServe(Args& args) {
  std::string bundle = BundleDir(args.ValueOr("bundle", ""));
  std::string store_url = args.ValueOr("store", "memory:");
  std::string host = args.ValueOr("host", "127.0.0.1");
  std::string port_file = args.ValueOr("port-file", "");
  std::string agents_file = args.ValueOr("agents", "");
  std::string desk_policy_file = args.ValueOr("desk-policy", "");
  serve::StorefrontOptions options;
  options.webhooks.public_url = args.ValueOr("public-url", "");
  options.webhooks.send_api_base = args.ValueOr("send-api-base", "");
  auto env = [](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v == nullptr ? "" : v);
  };
  options.webhooks.credentials.meta_app_secret = env("CHATCART_META_APP_SECRET");
  options.webhooks.credentials.meta_verify_token = env("CHATCART_META_VERIFY_TOKEN");
  options.webhooks.credentials.twilio_auth_token = env("CHATCART_TWILIO_AUTH_TOKEN");
  options.webhooks.messenger_page_token = env("CHATCART_MESSENGER_PAGE_TOKEN");
  options.webhooks.whatsapp_token = env("CHATCART_WHATSAPP_TOKEN");
  options.webhooks.twilio_account_sid = env("CHATCART_TWILIO_ACCOUNT_SID");
  if (!options.webhooks.credentials.twilio_auth_token.empty() &&
      options.webhooks.public_url.empty()) {
    return Usage("a Twilio auth token needs --public-url (the URL Twilio calls)");
  }

  int port = 8080;
  if (!absl::SimpleAtoi(args.ValueOr("port", "8080"), &port) || port < 0 || port > 65535) {
    return Usage("--port needs a number from 0 to 65535");
  }
  if (!absl::SimpleAtoi(args.ValueOr("threads", "256"), &options.threads)) {
    return Usage("--threads needs a number");
  }
  if (std::string error = args.Finish(); !error.empty()) return Usage(error);
  if (!desk_policy_file.empty() && agents_file.empty()) {
    return Usage("--desk-policy needs --agents (the desk is on only with agents)");
  }

  std::shared_ptr<const Engine> engine = LoadEngineOrDie(bundle);
  if (engine == nullptr) return kExitFailure;
  absl::StatusOr<std::unique_ptr<SessionStore>> store = OpenSessionStore(store_url);
  if (!store.ok()) {
    std::fprintf(stderr, "chatcart serve: --store: %s\n", store.status().ToString().c_str());
    return kExitFailure;
  }
  ConversationsOptions conversations_options;
  if (!agents_file.empty()) {
    absl::StatusOr<serve::Accounts> accounts = serve::Accounts::Load(agents_file);
    if (!accounts.ok()) {
      std::fprintf(stderr, "chatcart serve: --agents: %s\n", accounts.status().ToString().c_str());
      return kExitFailure;
    }
    v1::DeskPolicy policy;
    if (!desk_policy_file.empty()) {
      std::ifstream in(desk_policy_file);
      std::stringstream text;
      text << in.rdbuf();
      if (!in || !google::protobuf::TextFormat::ParseFromString(text.str(), &policy)) {
        std::fprintf(stderr, "chatcart serve: --desk-policy %s: not a DeskPolicy in text format\n",
                     desk_policy_file.c_str());
        return kExitFailure;
      }
    }
    absl::StatusOr<DeskOptions> desk_options = DeskOptions::FromPolicy(policy);
    absl::StatusOr<CannedReplies> canned =
        CannedReplies::Create({policy.canned_reply().begin(), policy.canned_reply().end()});
    if (!desk_options.ok() || !canned.ok()) {
      std::fprintf(
          stderr, "chatcart serve: --desk-policy: %s\n",
          (desk_options.ok() ? canned.status() : desk_options.status()).ToString().c_str());
      return kExitFailure;
    }
    conversations_options.canned_replies =
        std::make_shared<const CannedReplies>(*std::move(canned));
    options.canned_replies = conversations_options.canned_replies;
    // The desk's state lives in this process (one server; Redis's desk
    // store would share it across a fleet).
    absl::StatusOr<std::unique_ptr<Desk>> desk =
        Desk::Create(NewInMemoryDeskStore(), *std::move(desk_options));
    if (!desk.ok()) {
      std::fprintf(stderr, "chatcart serve: %s\n", desk.status().ToString().c_str());
      return kExitFailure;
    }
    options.desk = *std::move(desk);
    options.accounts = std::make_shared<const serve::Accounts>(*std::move(accounts));
    conversations_options.desk = options.desk;
  }
  conversations_options.engine = engine;
  conversations_options.store = *std::move(store);
  conversations_options.channel_policy = engine->channel_policy();
  conversations_options.store_name = engine->identity().name;
  absl::StatusOr<std::unique_ptr<Conversations>> conversations =
      Conversations::Create(std::move(conversations_options));
  if (!conversations.ok()) {
    std::fprintf(stderr, "chatcart serve: %s\n", conversations.status().ToString().c_str());
    return kExitFailure;
  }
  options.conversations = *std::move(conversations);
  absl::StatusOr<std::unique_ptr<serve::Storefront>> front =
      serve::Storefront::Create(std::move(options));
  if (!front.ok()) return Usage(std::string(front.status().message()));

  // Signals are taken by one thread, which stops the server; the workers
  // started later inherit the blocked mask.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  absl::StatusOr<int> bound = (*front)->Bind(host, port);
  if (!bound.ok()) {
    std::fprintf(stderr, "chatcart serve: %s\n", std::string(bound.status().message()).c_str());
    return kExitFailure;
  }
  std::printf("chatcart serve: http://%s:%d/\n", host.c_str(), *bound);
  if (!agents_file.empty())
    std::printf("chatcart serve: agents: http://%s:%d/console\n", host.c_str(), *bound);
  std::fflush(stdout);
  if (!port_file.empty()) std::ofstream(port_file) << *bound << "\n";

  serve::Storefront* server = front->get();
  std::thread stopper([server, signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    std::fprintf(stderr, "chatcart serve: stopping\n");
    server->Stop();
  });
  server->Run();
  // Run returned by itself (the listener failed): wake the stopper.
  pthread_kill(stopper.native_handle(), SIGTERM);
  stopper.join();
  return kExitOk;
}

CHATCART_CLI_COMMAND(
    serve,
    {.name = "serve",
     .summary = "Serves the storefront and its chat widget over HTTP",
     .run = RunServe,
     .flags = {{"bundle", kValue, "DIR", "the bundle (default: the demo bundle)"},
               {"store", kValue, "URL", "memory: (default), sqlite:PATH, redis://HOST:PORT"},
               {"host", kValue, "H", "the address to listen on (default 127.0.0.1)"},
               {"port", kValue, "N", "the port (default 8080; 0 picks a free one)"},
               {"threads", kValue, "N", "HTTP workers, one per open event stream (default 256)"},
               {"agents", kValue, "FILE",
                "the agents who may sign in to /console; turns the desk on"},
               {"desk-policy", kValue, "FILE", "the desk's chatcart.v1.DeskPolicy, text format"},
               {"port-file", kValue, "FILE", "writes the bound port there once listening"},
               {"public-url", kValue, "URL", "the URL Twilio calls, without the path"},
               {"send-api-base", kValue, "URL", "where the platforms' send APIs are"}},
     .example = "chatcart serve --bundle examples/bundles/demo --port 8080"});

}  // namespace
}  // namespace chatcart::cli
