/* Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
 * Links the installed shared C library. */

#include <stdio.h>
#include <string.h>

#include "chatcart/c.h"

int main(void) {
  int64_t minor = 0;
  char* err = NULL;
  if (strcmp(chatcart_version_string(), CHATCART_VERSION_STRING) != 0) return 1;
  if (chatcart_money_parse("34.8", 4, "USD", &minor, &err) != CHATCART_OK) return 1;
  printf("consumer_c: chatcart %s, %lld minor units\n", chatcart_version_string(),
         (long long)minor);
  return minor == 3480 ? 0 : 1;
}
