# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
"""The storefront in a real headless Chromium (Debian's chromium,
chromium-driver and python3-selenium): a shopper finds a gift, adds it,
applies a code and says OK to buy; a reload mid-conversation keeps
everything; a message with <script> is shown as text; a shopper asks for a
person and an agent in a second browser signs in to the console, accepts,
chats and adds to the cart, and the shopper sees it. A screenshot of each
step goes to SCREENSHOT_DIR.
Usage: browser_test.py CHATCART_BINARY BUNDLE_DIR SCREENSHOT_DIR"""

import os
import shutil
import sys
import tempfile
import unittest

CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
if not os.path.exists(CHROMIUM):
    print("SKIP: no %s (apt-get install chromium chromium-driver)" % CHROMIUM)
    sys.exit(77)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.common.exceptions import StaleElementReferenceException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from serve_harness import Server, write_agents_file  # noqa: E402

BINARY, BUNDLE, SHOTS = sys.argv[1], sys.argv[2], sys.argv[3]
WAIT = 20  # seconds for any one thing to appear
shutil.rmtree(SHOTS, ignore_errors=True)
os.makedirs(SHOTS)


def new_browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,860", "--lang=en-US", "--no-first-run",
                "--disable-extensions", "--disable-background-networking"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(WAIT)
    driver.set_script_timeout(WAIT)
    return driver


class ShopperTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        store = "sqlite:" + os.path.join(tempfile.mkdtemp(prefix="chatcart-browser-"), "s.db")
        cls.server = Server(BINARY, BUNDLE, store)
        cls.server.start()
        cls.driver = new_browser()
        cls.step = 0

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        assert cls.server.stop() == 0

    def shot(self, name):
        type(self).step += 1
        path = os.path.join(SHOTS, "%02d-%s.png" % (self.step, name))
        self.assertTrue(self.driver.save_screenshot(path), path)

    def wait(self, condition, what):
        return WebDriverWait(self.driver, WAIT, ignored_exceptions=(StaleElementReferenceException,)).until(
            lambda d: condition(d), "waiting for " + what)

    def messages(self):
        return [e.get_attribute("textContent") for e in
                self.driver.find_elements(By.CSS_SELECTOR, "#cc-messages .cc-msg")]

    def say(self, text):
        box = self.driver.find_element(By.ID, "cc-input")
        box.send_keys(text)
        box.send_keys(Keys.ENTER)

    def wait_for_reply(self, containing):
        return self.wait(lambda d: any(containing in m for m in self.messages()),
                         "a reply containing %r" % containing)

    def open_page(self):
        self.driver.get(self.server.url)
        self.wait(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-cc-ready") == "1",
                  "the event stream to catch up")

    def test_shopping_reload_and_markup(self):
        d = self.driver
        self.open_page()
        self.shot("shop")
        d.find_element(By.ID, "cc-launcher").click()
        self.wait(lambda d: d.find_element(By.ID, "cc-panel").is_displayed(), "the chat panel")
        # One polite live region, quick replies in a toolbar.
        live = d.find_elements(By.CSS_SELECTOR, "[aria-live]")
        self.assertEqual([(e.get_attribute("id"), e.get_attribute("aria-live")) for e in live],
                         [("cc-messages", "polite")])
        self.assertEqual(d.find_element(By.ID, "cc-quick").get_attribute("role"), "toolbar")

        self.say("a gift for my 6 year old who loves lego, under 40 euros")
        self.wait(lambda d: len(d.find_elements(By.CSS_SELECTOR, ".cc-card")) >= 2, "product cards")
        cards = d.find_elements(By.CSS_SELECTOR, ".cc-card")
        self.assertEqual(cards[0].find_element(By.TAG_NAME, "h3").text, "Brickville Fire Station")
        self.assertEqual(cards[0].find_element(By.CLASS_NAME, "cc-price").text, "€34.99")
        self.assertGreater(len(cards[0].find_elements(By.TAG_NAME, "li")), 1)  # reasons
        self.shot("gift-ideas")

        self.say("add the first one")
        self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, ".cc-cart"), "the cart summary")
        cart = d.find_elements(By.CSS_SELECTOR, ".cc-cart")[-1]
        self.assertIn("1 × Brickville Fire Station", cart.text)
        # Quick replies are buttons; arrow keys move between them.
        buttons = d.find_elements(By.CSS_SELECTOR, "#cc-quick button")
        self.assertEqual([b.text for b in buttons], ["Check out", "See my cart"])
        buttons[0].send_keys(Keys.ARROW_RIGHT)
        self.assertEqual(d.switch_to.active_element.text, "See my cart")
        self.shot("added-to-cart")

        self.say("I have a code: WELCOME10")
        self.wait_for_reply("Code WELCOME10 applied")

        # A reload mid-conversation keeps every message, the cart and the open panel.
        before = self.messages()
        d.refresh()
        self.wait(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-cc-ready") == "1",
                  "the stream after the reload")
        self.assertTrue(d.find_element(By.ID, "cc-panel").is_displayed())
        self.assertEqual(self.messages(), before)
        self.assertIn("Brickville Fire Station",
                      d.find_elements(By.CSS_SELECTOR, ".cc-cart")[-1].text)
        self.shot("after-reload")

        self.say("checkout")
        buy = self.wait(lambda d: d.find_elements(By.CSS_SELECTOR, "#cc-quick button.cc-buy"),
                        "the OK to buy button")[0]
        self.assertEqual(buy.text, "OK, buy")
        self.wait_for_reply("Reply OK to buy")
        self.shot("reply-ok-to-buy")
        buy.click()
        self.wait_for_reply("is placed")
        self.assertEqual(self.messages()[-2], "OK, buy")  # the shopper's side
        self.shot("order-placed")

        script = '<script>window.__pwned = 1</script><b id="bold">bold</b> & <i>x</i>'
        self.say(script)
        self.wait(lambda d: script in self.messages(), "the message with markup, as text")
        self.assertEqual(d.find_elements(By.CSS_SELECTOR, "#cc-messages script, #cc-messages b, #bold"), [])
        self.assertIsNone(d.execute_script("return window.__pwned"))
        self.wait(lambda d: d.find_element(By.ID, "cc-typing").get_attribute("hidden") is not None,
                  "the typing indicator to go")
        mine = d.find_elements(By.CSS_SELECTOR, "#cc-messages .cc-me")[-1]
        self.assertEqual(mine.get_attribute("textContent"), script)
        d.execute_script("arguments[0].scrollIntoView({block: 'center'})", mine)
        self.shot("markup-as-text")

    def test_language_and_unread_badge(self):
        d = new_browser()
        try:
            d.get(self.server.url)
            WebDriverWait(d, WAIT).until(
                lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-cc-ready") == "1")
            d.find_element(By.ID, "cc-launcher").click()
            select = d.find_element(By.ID, "cc-lang")
            select.find_element(By.CSS_SELECTOR, "option[value=fr]").click()
            self.assertEqual(d.find_element(By.ID, "cc-title").text, "Assistant de la boutique")
            self.assertEqual(d.find_element(By.TAG_NAME, "html").get_attribute("lang"), "fr")
            # Closed, a message arrives (the shopper's other tab, here a
            # post from the test): the launcher counts the bot's answer.
            d.find_element(By.ID, "cc-close").click()
            conversation = d.execute_script("return localStorage.getItem('chatcart.conversation')")
            self.assertEqual(self.server.post(conversation, "un cadeau pour mon fils de 6 ans",
                                              lang="fr")[0], 200)
            WebDriverWait(d, WAIT).until(
                lambda d: d.find_element(By.ID, "cc-unread").is_displayed(), "the unread badge")
            self.assertEqual(d.find_element(By.ID, "cc-unread").text, "1")
            self.assertEqual(d.find_element(By.CSS_SELECTOR, ".cc-launcher-label").text,
                             "Discuter avec nous")
            d.save_screenshot(os.path.join(SHOTS, "90-french-unread.png"))
            d.find_element(By.ID, "cc-launcher").click()
            self.assertFalse(d.find_element(By.ID, "cc-unread").is_displayed())
            self.assertEqual([e.text for e in d.find_elements(By.CSS_SELECTOR, ".cc-me")],
                             ["un cadeau pour mon fils de 6 ans"])
        finally:
            d.quit()


class HandoffTest(unittest.TestCase):
    AGENT_NAME = "Nick <i>the</i> agent"

    @classmethod
    def setUpClass(cls):
        tmp = tempfile.mkdtemp(prefix="chatcart-browser-desk-")
        agents = write_agents_file(BINARY, os.path.join(tmp, "agents.txt"),
                                   [("nick", cls.AGENT_NAME, "correct horse 1")])
        policy = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "demo_desk.textproto")
        cls.server = Server(BINARY, BUNDLE, "sqlite:" + os.path.join(tmp, "s.db"),
                            extra=["--agents", agents, "--desk-policy", policy])
        cls.server.start()
        cls.shopper = new_browser()
        cls.agent = new_browser()

    @classmethod
    def tearDownClass(cls):
        cls.shopper.quit()
        cls.agent.quit()
        assert cls.server.stop() == 0

    def wait(self, driver, condition, what):
        # The console redraws its queue and chats as it polls: an element
        # found a moment ago may be gone; the condition is then tried again.
        return WebDriverWait(driver, WAIT, ignored_exceptions=(StaleElementReferenceException,)).until(
            lambda d: condition(d), "waiting for " + what)

    def click(self, driver, find, what):
        """Finds an element with `find` and clicks it, again if the page
        redrew it in between; returns what `find` returned."""
        def attempt(d):
            found = find(d)
            if not found:
                return None
            element, value = found
            element.click()
            return value or True
        return self.wait(driver, attempt, what)

    def texts(self, driver, selector):
        return driver.execute_script(
            "return Array.from(document.querySelectorAll(arguments[0])).map(e => e.textContent)", selector)

    def shopper_texts(self):
        return [e.get_attribute("textContent") for e in
                self.shopper.find_elements(By.CSS_SELECTOR, "#cc-messages .cc-msg")]

    def say(self, text):
        box = self.shopper.find_element(By.ID, "cc-input")
        box.send_keys(text, Keys.ENTER)

    def test_an_agent_joins_chats_and_adds_to_the_cart(self):
        s, a = self.shopper, self.agent
        s.get(self.server.url)
        self.wait(s, lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-cc-ready") == "1",
                  "the shopper's stream")
        s.find_element(By.ID, "cc-launcher").click()
        self.say("I'd like to talk to a person")
        self.wait(s, lambda d: "You're next." in self.shopper_texts(), "the queue position")
        banner = s.find_element(By.ID, "cc-queue")
        self.assertTrue(banner.is_displayed())
        self.assertEqual(banner.text, "You're next.")
        s.save_screenshot(os.path.join(SHOTS, "20-shopper-queued.png"))

        a.get(self.server.url + "console")
        self.wait(a, lambda d: d.find_element(By.ID, "login").is_displayed(), "the sign-in form")
        a.find_element(By.ID, "login-agent").send_keys("nick")
        a.find_element(By.ID, "login-password").send_keys("wrong password", Keys.ENTER)
        self.wait(a, lambda d: d.find_element(By.ID, "login-error").text == "wrong agent or password",
                  "the sign-in error")
        a.find_element(By.ID, "login-password").clear()
        a.find_element(By.ID, "login-password").send_keys("correct horse 1", Keys.ENTER)
        self.wait(a, lambda d: "Accept" in self.texts(d, "#queue button"), "an offer in the queue")
        self.assertEqual(a.find_element(By.ID, "who").text, self.AGENT_NAME + " (nick)")
        a.save_screenshot(os.path.join(SHOTS, "21-console-queue.png"))
        self.click(a, lambda d: next(((b, None) for b in d.find_elements(By.CSS_SELECTOR, "#queue button")
                                      if b.text == "Accept"), None), "Accept")
        self.wait(a, lambda d: d.find_elements(By.CSS_SELECTOR, ".chat input.say"), "the chat")

        joined = self.AGENT_NAME + " has joined the chat."
        self.wait(s, lambda d: any(t.startswith(joined) for t in self.shopper_texts()), "who joined")
        self.assertFalse(s.find_element(By.ID, "cc-queue").is_displayed())
        # The chat's form is drawn once; the polls redraw only its log. A
        # canned reply by its code fills the box; Enter sends it.
        say = a.find_element(By.CSS_SELECTOR, ".chat input.say")
        say.send_keys("/hello", Keys.ENTER)
        hello = "Hi, I'm here to help. What are you looking for?"
        self.wait(a, lambda d: say.get_attribute("value") == hello, "the canned reply in the box")
        say.send_keys(Keys.ENTER)
        self.wait(s, lambda d: hello in self.shopper_texts(), "the canned reply at the shopper's")
        say.send_keys("Hello, I can help you choose.", Keys.ENTER)
        self.wait(s, lambda d: "Hello, I can help you choose." in self.shopper_texts(), "the agent's words")
        label = s.find_elements(By.CSS_SELECTOR, "#cc-messages .cc-who")[-1]
        self.assertEqual(label.get_attribute("textContent"), self.AGENT_NAME)
        self.assertEqual(s.find_elements(By.CSS_SELECTOR, "#cc-messages i"), [])

        # The shopper's words reach the agent, as text; the bot suggests products.
        self.say('<img src=x onerror="window.__pwned=1">')
        self.wait(a, lambda d: "shopper" + '<img src=x onerror="window.__pwned=1">' in
                  self.texts(d, ".chat .m-SHOPPER"), "the shopper's message in the console")
        self.assertEqual(a.find_elements(By.CSS_SELECTOR, ".chat img"), [])
        self.assertIsNone(a.execute_script("return window.__pwned"))
        # Suggestions follow the shopper's last message.
        self.say("a gift for my 6 year old who loves lego, under 40 euros")
        self.wait(a, lambda d: d.find_elements(By.CSS_SELECTOR, ".prod button"), "a suggested product")
        a.save_screenshot(os.path.join(SHOTS, "22-console-chat.png"))

        def first_product(d):
            cards = d.find_elements(By.CSS_SELECTOR, ".prod")
            if not cards:
                return None
            return cards[0].find_element(By.TAG_NAME, "button"), cards[0].find_element(By.TAG_NAME, "strong").text
        product = self.click(a, first_product, "Add to cart")
        self.wait(s, lambda d: any(product in c.text for c in d.find_elements(By.CSS_SELECTOR, ".cc-cart")),
                  "the cart the agent filled")
        s.save_screenshot(os.path.join(SHOTS, "23-shopper-sees-agent-cart.png"))

        bot_count = len(s.find_elements(By.CSS_SELECTOR, "#cc-messages .cc-bot"))
        self.click(a, lambda d: (d.find_element(By.XPATH, "//article[@class='chat']//button[text()='Resolve']"), None),
                   "Resolve")
        self.wait(a, lambda d: not d.find_elements(By.CSS_SELECTOR, ".chat"), "the chat to close")
        # The bot takes over again and says so.
        self.wait(s, lambda d: len(d.find_elements(By.CSS_SELECTOR, "#cc-messages .cc-bot")) > bot_count,
                  "the shopper told the chat is back with the bot")
        s.save_screenshot(os.path.join(SHOTS, "24-shopper-after-resolve.png"))


if __name__ == "__main__":
    unittest.main(argv=[sys.argv[0], "-v"])
