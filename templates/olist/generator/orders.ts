/**
 * One order and everything it produces: the orders row, its customer, items, payments and reviews.
 * The simulation follows olist-data.md: statuses and their null patterns, delivery and estimate times,
 * items, payment plans, and review scores drawn from the satisfaction model.
 */
import { pyFloat, type Field } from './csv.js';
import {
  CC_INSTALLMENTS,
  FIRST_PURCHASE,
  HOUR_WEIGHTS,
  ITEMS_PER_ORDER,
  LAST_PURCHASE,
  MONTHLY_ORDERS,
  ORDER_STATUS,
  PAYMENT_PLAN,
  drawScore,
  satisfactionLogit,
  sigmoid,
} from './distributions.js';
import { zipString, type State } from './geography.js';
import { Weighted, type Rng } from './rng.js';
import { reviewMessage, reviewTitle } from './text.js';
import type { Product, World, ZipPrefix } from './world.js';

const DAY = 86400;

export interface OrderRows {
  order: Field[];
  customer: Field[];
  items: Field[][];
  payments: Field[][];
  reviews: Field[][];
}

interface UniqueCustomer {
  id: string;
  zip: ZipPrefix;
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));
const dayCache = new Map<number, string>();

/** `YYYY-MM-DD HH:MM:SS` (UTC) from epoch seconds; the date part is cached per day (hot path). */
export function formatTimestamp(sec: number): string {
  const whole = Math.floor(sec);
  const day = Math.floor(whole / DAY);
  let date = dayCache.get(day);
  if (date === undefined) {
    date = new Date(day * DAY * 1000).toISOString().slice(0, 10);
    dayCache.set(day, date);
  }
  const s = whole - day * DAY;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${date} ${TWO_DIGITS[h]!}:${TWO_DIGITS[m]!}:${TWO_DIGITS[s % 60]!}`;
}

function midnight(sec: number): number {
  return Math.floor(sec / DAY) * DAY;
}

const MONTHS = new Weighted(
  MONTHLY_ORDERS.map(([m]) => m),
  MONTHLY_ORDERS.map(([, n]) => n),
);
const HOURS = new Weighted(
  HOUR_WEIGHTS.map((_, h) => h),
  HOUR_WEIGHTS,
);
const BLACK_FRIDAY = Date.UTC(2017, 10, 24) / 1000;

function purchaseTime(rng: Rng): number {
  const month = MONTHS.sample(rng);
  const [y, m] = month.split('-').map(Number) as [number, number];
  let day: number;
  if (month === '2017-11' && rng.bool(0.15)) day = 24;
  else {
    // The data starts on 2016-09-04 and ends on 2018-10-17.
    const first = month === '2016-09' ? 4 : 1;
    const last = month === '2018-10' ? 17 : new Date(Date.UTC(y, m, 0)).getUTCDate();
    day = rng.int(first, last);
  }
  const sec = Date.UTC(y, m - 1, day) / 1000 + HOURS.sample(rng) * 3600 + rng.int(0, 3599);
  return Math.min(LAST_PURCHASE, Math.max(FIRST_PURCHASE, sec));
}

/** Carriers are slower around Black Friday 2017 and during the Feb-Mar 2018 slowdown. */
function congestion(t: number): number {
  if (t >= BLACK_FRIDAY - 2 * DAY && t < Date.UTC(2017, 11, 20) / 1000) return 1.35;
  if (t >= Date.UTC(2018, 1, 1) / 1000 && t < Date.UTC(2018, 3, 1) / 1000) return 1.25;
  return 1;
}

export class OrderFactory {
  private readonly customers: UniqueCustomer[] = [];
  private productCursor = 0;
  private lastReviewId: string | undefined;
  private readonly productOrder: number[];
  private readonly sellerProducts = new Map<string, Product[]>();

  constructor(
    private readonly rng: Rng,
    private readonly textRng: Rng,
    private readonly world: World,
  ) {
    // Walk all products once (in random order) before sampling by popularity, so every product sells.
    this.productOrder = world.products.map((_, i) => i);
    for (let i = this.productOrder.length - 1; i > 0; i--) {
      const j = rng.int(0, i);
      [this.productOrder[i], this.productOrder[j]] = [this.productOrder[j]!, this.productOrder[i]!];
    }
    for (const p of world.products) {
      const list = this.sellerProducts.get(p.seller.id);
      if (list) list.push(p);
      else this.sellerProducts.set(p.seller.id, [p]);
    }
  }

  private nextProduct(): Product {
    const idx = this.productOrder[this.productCursor];
    if (idx !== undefined) {
      this.productCursor++;
      return this.world.products[idx]!;
    }
    return this.world.productPicker.sample(this.rng);
  }

  private customer(): UniqueCustomer {
    const rng = this.rng;
    if (this.customers.length > 0 && rng.bool(0.034)) return rng.pick(this.customers);
    const state: State = this.world.customerState.sample(rng);
    const c = { id: rng.hex32(), zip: this.world.customerZips.get(state.code)!.sample(rng) };
    this.customers.push(c);
    return c;
  }

  next(): OrderRows {
    const rng = this.rng;
    const orderId = rng.hex32();
    const customerId = rng.hex32();
    const cust = this.customer();
    const t0 = purchaseTime(rng);
    const status = ORDER_STATUS.sample(rng);
    const plan = PAYMENT_PLAN.sample(rng);

    // Items.
    let nItems = ITEMS_PER_ORDER.sample(rng);
    if (status === 'unavailable' || status === 'created' || (status === 'canceled' && rng.bool(0.25)))
      nItems = 0;
    const products: Product[] = [];
    for (let i = 0; i < nItems; i++) {
      const prev = products[i - 1];
      if (prev === undefined) products.push(this.nextProduct());
      else if (rng.bool(0.6)) products.push(prev);
      else if (rng.bool(0.88)) products.push(rng.pick(this.sellerProducts.get(prev.seller.id)!));
      else products.push(this.nextProduct());
    }

    // Milestones.
    const custR = cust.zip.state.remoteness;
    const sellerR = products[0]?.seller.zip.state.remoteness ?? 0;
    const dist = custR + 0.5 * sellerR;
    let approved: number | undefined =
      plan === 'boleto' ? t0 + rng.logNormal(1.1 * DAY, 0.6) : t0 + rng.logNormal(900, 1.3);
    if (
      status === 'created' ||
      (status === 'canceled' && rng.bool(0.22)) ||
      (status === 'delivered' && rng.bool(0.00015))
    )
      approved = undefined;
    const handover = (approved ?? t0) + rng.logNormal(2.2 * DAY, 0.7);
    let carrier: number | undefined =
      status === 'delivered' || status === 'shipped' || (status === 'canceled' && rng.bool(0.12))
        ? handover
        : undefined;
    if (status === 'delivered' && rng.bool(0.00002)) carrier = undefined;
    const estimatedDays = Math.max(3, Math.round(20 + 14 * dist + rng.normal(0, 3.5)));
    const estimated = midnight(t0) + estimatedDays * DAY;
    let delivered: number | undefined;
    if (status === 'delivered' && !rng.bool(0.00008)) {
      const days = rng.logNormal(7.0 * (1 + 0.9 * dist) * congestion(t0), 0.63);
      delivered = Math.max(t0 + days * DAY, handover + rng.uniform(0.3, 2) * DAY);
    }

    // Items rows and prices.
    const shippingLimit = (approved ?? t0) + 6 * DAY + rng.int(0, 20 * 3600);
    let totalPrice = 0;
    let totalFreight = 0;
    const sellers = new Set<string>();
    const items: Field[][] = products.map((p, i) => {
      sellers.add(p.seller.id);
      const price = Math.round(p.price * (rng.bool(0.9) ? 1 : rng.uniform(0.85, 1.1)) * 100) / 100;
      let freight =
        (10.5 + 3.6 * Math.sqrt(p.weightG / 1000) * rng.uniform(0.8, 1.3)) * (1 + 0.5 * dist) +
        rng.normal(0, 1.5);
      freight = rng.bool(0.004) ? 0 : Math.max(1.5, Math.round(freight * 100) / 100);
      totalPrice += price;
      totalFreight += freight;
      return [
        orderId,
        i + 1,
        p.id,
        p.seller.id,
        formatTimestamp(shippingLimit),
        pyFloat(price, 2),
        pyFloat(freight, 2),
      ];
    });

    // Payments.
    const total = nItems > 0 ? totalPrice + totalFreight : Math.round(rng.logNormal(100, 0.8) * 100) / 100;
    const payments = this.payments(orderId, plan, total, status);

    // Reviews.
    const reviews: Field[][] = [];
    if (rng.bool(0.9923)) {
      const deliveryDays = delivered === undefined ? undefined : (delivered - t0) / DAY;
      const catEffect = products.length
        ? products.reduce((s, p) => s + p.category.effect, 0) / products.length
        : 0;
      const z = satisfactionLogit(
        {
          delivered: delivered !== undefined,
          deliveryDays,
          estimatedDays: (estimated - t0) / DAY,
          items: Math.max(1, nItems),
          sellers: Math.max(1, sellers.size),
          freightRatio: total > 0 && nItems > 0 ? totalFreight / total : 0.2,
          categoryEffect: catEffect,
          remoteness: custR,
        },
        rng.normal(0, 0.55),
      );
      const satisfied = rng.bool(sigmoid(z));
      const bad = delivered === undefined || delivered > estimated + DAY;
      const nReviews = rng.bool(0.0056) ? 2 : 1;
      // The survey goes out when the order arrives or its estimated date passes, whichever is first.
      const surveyAt =
        delivered === undefined ? estimated : Math.min(delivered, estimated + rng.int(0, 3) * DAY);
      for (let r = 0; r < nReviews; r++) {
        const score = drawScore(rng, satisfied, bad);
        const created = midnight(surveyAt) + DAY + (r > 0 ? rng.int(1, 10) * DAY : 0);
        const answered = created + rng.logNormal(1.2 * DAY, 1.0);
        const pMessage = [0, 0.75, 0.65, 0.5, 0.35, 0.34][score]!;
        // As in the real file, a few review ids repeat across orders (one survey answered for a basket).
        const reviewId = this.lastReviewId !== undefined && rng.bool(0.008) ? this.lastReviewId : rng.hex32();
        this.lastReviewId = reviewId;
        reviews.push([
          reviewId,
          orderId,
          score,
          this.textRng.bool(0.117) ? reviewTitle(this.textRng, score) : null,
          this.textRng.bool(pMessage) ? reviewMessage(this.textRng, score) : null,
          formatTimestamp(created),
          formatTimestamp(answered),
        ]);
      }
    }

    return {
      order: [
        orderId,
        customerId,
        status,
        formatTimestamp(t0),
        approved === undefined ? null : formatTimestamp(approved),
        carrier === undefined ? null : formatTimestamp(carrier),
        delivered === undefined ? null : formatTimestamp(delivered),
        formatTimestamp(estimated),
      ],
      customer: [customerId, cust.id, zipString(cust.zip.prefix), cust.zip.city, cust.zip.state.code],
      items,
      payments,
      reviews,
    };
  }

  private payments(orderId: string, plan: string, total: number, status: string): Field[][] {
    const rng = this.rng;
    const row = (seq: number, type: string, inst: number, value: number): Field[] => [
      orderId,
      seq,
      type,
      inst,
      pyFloat(value, 2),
    ];
    if (status === 'canceled' && rng.bool(0.005)) return [row(1, 'not_defined', 1, 0)];
    const cents = Math.round(total * 100);
    switch (plan) {
      case 'boleto':
      case 'debit_card':
        return [row(1, plan, 1, cents / 100)];
      case 'credit_card': {
        const inst = total < 30 ? 1 : CC_INSTALLMENTS.sample(rng);
        return [row(1, 'credit_card', inst, cents / 100)];
      }
      default: {
        // Vouchers: one or more rows; with a card, the card pays the rest.
        let k = 1;
        while (rng.bool(0.33) && k < 20) k++;
        const withCard = plan === 'credit_card+voucher';
        const voucherShare = withCard ? rng.uniform(0.05, 0.6) : 1;
        const voucherCents = Math.round(cents * voucherShare);
        const rows: Field[][] = [];
        let seq = 1;
        if (withCard)
          rows.push(row(seq++, 'credit_card', CC_INSTALLMENTS.sample(rng), (cents - voucherCents) / 100));
        let left = voucherCents;
        for (let i = 0; i < k; i++) {
          const part = i === k - 1 ? left : Math.round(left * rng.uniform(0.2, 0.8));
          left -= part;
          rows.push(row(seq++, 'voucher', 1, part / 100));
        }
        return rows;
      }
    }
  }
}
