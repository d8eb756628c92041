// Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
//
// The storefront's page, script and style, compiled into the binary from
// examples/cli/serve/assets/ (embed_assets.cmake writes the table at build time), so
// `chatcart serve` needs no files at run time and works offline.

#ifndef CHATCART_EXAMPLES_CLI_SERVE_ASSETS_H_
#define CHATCART_EXAMPLES_CLI_SERVE_ASSETS_H_

#include <string_view>

namespace chatcart::serve {

struct Asset {
  std::string_view path;          // "/widget.js"; the page is "/index.html"
  std::string_view content_type;  // "text/javascript; charset=utf-8"
  std::string_view body;
};

// The asset served at `path`, or nullptr.
const Asset* FindAsset(std::string_view path);

}  // namespace chatcart::serve

#endif  // CHATCART_EXAMPLES_CLI_SERVE_ASSETS_H_
