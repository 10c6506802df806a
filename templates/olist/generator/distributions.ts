/**
 * The distributions the generator draws from, taken from the real Olist data (olist-data.md), and the
 * satisfaction model that turns an order's circumstances into review scores.
 */
import { Weighted, type Rng } from './rng.js';

/** Orders per month in the real data (2016-09 .. 2018-10): sparse 2016, Black Friday 2017, flat 2018. */
export const MONTHLY_ORDERS: readonly (readonly [string, number])[] = [
  ['2016-09', 4],
  ['2016-10', 324],
  ['2016-11', 0],
  ['2016-12', 1],
  ['2017-01', 800],
  ['2017-02', 1780],
  ['2017-03', 2682],
  ['2017-04', 2404],
  ['2017-05', 3700],
  ['2017-06', 3245],
  ['2017-07', 4026],
  ['2017-08', 4331],
  ['2017-09', 4285],
  ['2017-10', 4631],
  ['2017-11', 7544],
  ['2017-12', 5673],
  ['2018-01', 7269],
  ['2018-02', 6728],
  ['2018-03', 7211],
  ['2018-04', 6939],
  ['2018-05', 6873],
  ['2018-06', 6167],
  ['2018-07', 6292],
  ['2018-08', 6512],
  ['2018-09', 16],
  ['2018-10', 4],
];

export const FIRST_PURCHASE = Date.UTC(2016, 8, 4) / 1000;
export const LAST_PURCHASE = Date.UTC(2018, 9, 17, 23, 59, 59) / 1000;

/** Hour-of-day weights for purchases (quiet at night, busy 10h-22h). */
export const HOUR_WEIGHTS = [
  25, 12, 5, 3, 2, 2, 5, 10, 30, 48, 62, 66, 60, 65, 67, 64, 64, 61, 58, 58, 63, 61, 58, 40,
];

export const ORDER_STATUS = Weighted.of<string>([
  ['delivered', 96478],
  ['shipped', 1107],
  ['canceled', 625],
  ['unavailable', 609],
  ['invoiced', 314],
  ['processing', 301],
  ['created', 5],
  ['approved', 2],
]);

/** Items per order: 1 ≈ 90.1 %, 2 ≈ 7.6 %, 3 ≈ 1.3 %, 4 ≈ 0.5 %, 5+ ≈ 0.5 %. */
export const ITEMS_PER_ORDER = Weighted.of<number>([
  [1, 90.1],
  [2, 7.6],
  [3, 1.3],
  [4, 0.5],
  [5, 0.2],
  [6, 0.18],
  [7, 0.03],
  [8, 0.02],
  [10, 0.04],
  [12, 0.02],
  [20, 0.01],
]);

/** Credit-card instalments (boleto, debit and voucher are always 1). */
export const CC_INSTALLMENTS = Weighted.of<number>([
  [1, 25455],
  [2, 12413],
  [3, 10461],
  [4, 7098],
  [5, 5239],
  [6, 3920],
  [7, 1626],
  [8, 4268],
  [9, 644],
  [10, 5328],
  [11, 23],
  [12, 133],
  [13, 16],
  [14, 15],
  [15, 74],
  [16, 5],
  [17, 8],
  [18, 27],
  [20, 17],
  [21, 3],
  [22, 1],
  [23, 1],
  [24, 18],
]);

/** How an order is paid; vouchers come in one or more rows (payment_sequential 1, 2, ...). */
export type PaymentPlan = 'credit_card' | 'boleto' | 'debit_card' | 'voucher' | 'credit_card+voucher';
export const PAYMENT_PLAN = Weighted.of<PaymentPlan>([
  ['credit_card', 73.5],
  ['boleto', 19.9],
  ['debit_card', 1.55],
  ['voucher', 1.4],
  ['credit_card+voucher', 2.5],
]);

/** Everything about an order that influences its review, as the generator knows it. */
export interface OrderCircumstances {
  delivered: boolean;
  /** Days from purchase to delivery (undefined when not delivered). */
  deliveryDays: number | undefined;
  estimatedDays: number;
  items: number;
  sellers: number;
  freightRatio: number;
  categoryEffect: number;
  remoteness: number;
}

/**
 * Log-odds that the customer is satisfied (mean score >= 4). Late delivery dominates; delivery time,
 * items, sellers, freight share, category and state act weakly. The Bernoulli draw plus the per-order
 * `mood` term (not observable from the data) keep the problem about as hard as the real one.
 */
export function satisfactionLogit(c: OrderCircumstances, mood: number): number {
  let z = 1.85 + mood;
  if (!c.delivered || c.deliveryDays === undefined) {
    z -= 2.9;
  } else {
    const lateDays = c.deliveryDays - c.estimatedDays;
    if (lateDays > 0) z -= 1.85 + 0.06 * Math.min(lateDays, 30);
    else z += 0.012 * Math.min(-lateDays, 25);
    z -= 0.03 * Math.max(0, c.deliveryDays - 8);
  }
  z -= 0.3 * (c.items - 1) + 0.9 * (c.sellers - 1);
  z -= 0.8 * Math.max(0, c.freightRatio - 0.25);
  z += c.categoryEffect;
  z -= 0.2 * c.remoteness;
  return z;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** A review score given whether the customer was satisfied; unhappy late/undelivered orders lean to 1. */
export function drawScore(rng: Rng, satisfied: boolean, badDelivery: boolean): number {
  if (satisfied) return rng.bool(0.755) ? 5 : 4;
  const u = rng.next();
  const p1 = badDelivery ? 0.66 : 0.44;
  if (u < p1) return 1;
  if (u < p1 + 0.13) return 2;
  return 3;
}
