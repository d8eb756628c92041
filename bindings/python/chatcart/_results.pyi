# Copyright 2026 The chatcart Authors. Licensed under the Apache License 2.0.
from typing import Any, Dict, List, Optional, Tuple

from chatcart._money import Money

class _Record:
    def to_dict(self) -> Dict[str, Any]: ...
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class QuickReply(_Record):
    title: str
    payload: str

class ProductCard(_Record):
    product_id: str
    name: str
    price: Optional[Money]
    price_text: str
    reasons: List[str]
    image: str
    url: str

class CartLine(_Record):
    product_id: str
    title: str
    quantity: int
    line_total: Optional[Money]

class CartSummary(_Record):
    lines: List[CartLine]
    subtotal: Optional[Money]
    discount: Optional[Money]
    tax: Optional[Money]
    shipping: Optional[Money]
    total: Optional[Money]
    version: int
    total_text: str

class Reply(_Record):
    text: str
    quick_replies: List[QuickReply]
    products: List[ProductCard]
    cart: Optional[CartSummary]
    template_id: str

class HostAction(_Record):
    kind: str
    param: Dict[str, str]

class AnalyticsEvent(_Record):
    kind: str
    param: Dict[str, str]

class TraceEntity(_Record):
    type: str
    text: str
    value: str
    start: int
    end: int

class Trace(_Record):
    intent: str
    confidence: float
    out_of_scope: bool
    entities: List[TraceEntity]
    transitions: List[str]
    slots_filled: List[str]
    truncated: bool
    language: str
    state: str

class TurnResult(_Record):
    replies: List[Reply]
    host_actions: List[HostAction]
    events: List[AnalyticsEvent]
    trace: Optional[Trace]
    language: str
    @property
    def text(self) -> str: ...
    @property
    def quick_replies(self) -> List[QuickReply]: ...
    @property
    def products(self) -> List[ProductCard]: ...
    @property
    def cart(self) -> Optional[CartSummary]: ...
    @property
    def state(self) -> str: ...
    @property
    def intent(self) -> str: ...

class IntentResult(_Record):
    intent: str
    confidence: float
    out_of_scope: bool
    source: str  # "none", "pattern" or "classifier"
    top: List[Tuple[str, float]]
    language: str
    truncated: bool
    word_support: bool  # a word of the text is one of the intent's own (classifier only)

class Entity(_Record):
    type: str
    start: int
    end: int
    text: str
    confidence: float
    value: Any  # int (number, quantity, ordinal, age), str (others), None (money)
    kind: Optional[str]  # money: "exact", "under", "over", "between", "around"
    min: Optional[Money]
    max: Optional[Money]
    currency_stated: Optional[bool]
    products: Optional[int]  # model: how many catalog products carry it
    decimal: Optional[str]  # number: the exact value ("1.5")
    values: Optional[List[str]]  # colour/size/brand/category/compatibility: every value said
    either: Optional[bool]  # the values were joined by "or"
    negated: Optional[bool]  # "not red": the shopper excludes the value(s)

class Product(_Record):
    id: str
    name: str
    brand: str
    model: str
    description: str
    image: str
    url: str
    price: Optional[Money]
    list_price: Optional[Money]
    rating: Optional[float]
    stock: Optional[int]
    category: str

class Match(_Record):
    product: Product
    score: float

class ScoreTerm(_Record):
    name: str
    value: str
    utility: float
    weight: float
    contribution: float

class Reason(_Record):
    kind: str
    subject: str
    label: str
    value: str
    other: str
    versus: int
    text: str

class Pick(_Record):
    id: str
    name: str
    brand: str
    price: Optional[Money]
    score: float
    breakdown: List[ScoreTerm]
    reasons: List[Reason]
    alternative: List[str]  # "cheaper", "other_brand", "other_approach"
    tier: str  # "best", "better", "good", "top", "middle", "lowest"; "" off the ladder

class AppliedConstraint(_Record):
    origin: str
    text: str
    phrase: str
    relaxable: bool

class Relaxation(_Record):
    changes: List[Tuple[int, str, str]]
    matches: int
    text: str

class QuestionOption(_Record):
    value: str
    where: List[str]
    matches: int

class Question(_Record):
    attribute: str
    label: str
    text: str
    options: List[QuestionOption]

class Recommendation(_Record):
    picks: List[Pick]
    alternative: int
    other_approach: Optional[Pick]
    matches: int
    constraints: List[AppliedConstraint]
    conflict: List[int]
    relaxations: List[Relaxation]
    explanation: str
    locale: str
    ladder: bool
    question: Optional[Question]
