/**
 * Writes the nine CSV files of the Kaggle Olist data set into a directory, streaming rows to disk.
 * File names, column names (misspellings included) and formats are those of the real data set, so the
 * real CSVs can replace the generated ones.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { TRANSLATIONS } from './catalog.js';
import { CsvWriter, pyFloat } from './csv.js';
import { zipString } from './geography.js';
import { OrderFactory } from './orders.js';
import { Rng } from './rng.js';
import { buildWorld } from './world.js';

/** Table name (the data-lake folder raw/<table>/) -> file name and header. */
export const TABLES = {
  orders: {
    file: 'olist_orders_dataset.csv',
    columns: [
      'order_id',
      'customer_id',
      'order_status',
      'order_purchase_timestamp',
      'order_approved_at',
      'order_delivered_carrier_date',
      'order_delivered_customer_date',
      'order_estimated_delivery_date',
    ],
  },
  order_items: {
    file: 'olist_order_items_dataset.csv',
    columns: [
      'order_id',
      'order_item_id',
      'product_id',
      'seller_id',
      'shipping_limit_date',
      'price',
      'freight_value',
    ],
  },
  order_payments: {
    file: 'olist_order_payments_dataset.csv',
    columns: ['order_id', 'payment_sequential', 'payment_type', 'payment_installments', 'payment_value'],
  },
  order_reviews: {
    file: 'olist_order_reviews_dataset.csv',
    columns: [
      'review_id',
      'order_id',
      'review_score',
      'review_comment_title',
      'review_comment_message',
      'review_creation_date',
      'review_answer_timestamp',
    ],
  },
  customers: {
    file: 'olist_customers_dataset.csv',
    columns: [
      'customer_id',
      'customer_unique_id',
      'customer_zip_code_prefix',
      'customer_city',
      'customer_state',
    ],
  },
  products: {
    file: 'olist_products_dataset.csv',
    columns: [
      'product_id',
      'product_category_name',
      'product_name_lenght',
      'product_description_lenght',
      'product_photos_qty',
      'product_weight_g',
      'product_length_cm',
      'product_height_cm',
      'product_width_cm',
    ],
  },
  sellers: {
    file: 'olist_sellers_dataset.csv',
    columns: ['seller_id', 'seller_zip_code_prefix', 'seller_city', 'seller_state'],
  },
  geolocation: {
    file: 'olist_geolocation_dataset.csv',
    columns: [
      'geolocation_zip_code_prefix',
      'geolocation_lat',
      'geolocation_lng',
      'geolocation_city',
      'geolocation_state',
    ],
  },
  product_category_name_translation: {
    file: 'product_category_name_translation.csv',
    columns: ['product_category_name', 'product_category_name_english'],
  },
} as const;

export type TableName = keyof typeof TABLES;

export const FULL_ORDERS = 99441;

export interface GenerateOptions {
  outDir: string;
  orders: number;
  seed: number;
}

/** Sizes of the static tables for a given number of orders, in the real data set's proportions. */
export function sizesFor(orders: number): {
  products: number;
  sellers: number;
  zipPrefixes: number;
  geolocation: number;
} {
  const scale = orders / FULL_ORDERS;
  return {
    products: Math.max(20, Math.round(32951 * scale)),
    sellers: Math.max(5, Math.round(3095 * scale)),
    zipPrefixes: Math.max(60, Math.round(19015 * scale)),
    geolocation: Math.max(100, Math.round(1000163 * scale)),
  };
}

export type RowCounts = Record<TableName, number>;

export async function generate(opts: GenerateOptions): Promise<RowCounts> {
  await mkdir(opts.outDir, { recursive: true });
  const sizes = sizesFor(opts.orders);
  const world = buildWorld(opts.seed, sizes);
  const open = (t: TableName) => new CsvWriter(join(opts.outDir, TABLES[t].file), TABLES[t].columns);

  const products = open('products');
  for (const p of world.products) {
    const hideText = p.categoryMissing;
    const dims = p.dimsMissing
      ? [null, null, null, null]
      : [p.weightG, p.lengthCm, p.heightCm, p.widthCm].map((v) => pyFloat(v));
    if (
      products.add([
        p.id,
        hideText ? null : p.category.name,
        hideText ? null : pyFloat(p.nameLength),
        hideText ? null : pyFloat(p.descriptionLength),
        hideText ? null : pyFloat(p.photos),
        ...dims,
      ])
    )
      await products.flush();
  }
  const sellers = open('sellers');
  for (const s of world.sellers) {
    if (sellers.add([s.id, zipString(s.zip.prefix), s.zip.city, s.zip.state.code])) await sellers.flush();
  }
  const translation = open('product_category_name_translation');
  for (const [pt, en] of TRANSLATIONS) translation.add([pt, en]);

  const orders = open('orders');
  const items = open('order_items');
  const payments = open('order_payments');
  const reviews = open('order_reviews');
  const customers = open('customers');
  const factory = new OrderFactory(new Rng(opts.seed, 2), new Rng(opts.seed, 3), world);
  for (let i = 0; i < opts.orders; i++) {
    const o = factory.next();
    let full = orders.add(o.order);
    full = customers.add(o.customer) || full;
    for (const r of o.items) full = items.add(r) || full;
    for (const r of o.payments) full = payments.add(r) || full;
    for (const r of o.reviews) full = reviews.add(r) || full;
    if (full) await Promise.all([orders, customers, items, payments, reviews].map((w) => w.flush()));
  }

  const geo = open('geolocation');
  const geoRng = new Rng(opts.seed, 4);
  const popTotal = world.zips.reduce((s, z) => s + z.popularity, 0);
  let remaining = sizes.geolocation;
  for (let zi = 0; zi < world.zips.length; zi++) {
    const z = world.zips[zi]!;
    const left = world.zips.length - zi - 1;
    const n =
      left === 0
        ? remaining
        : Math.min(remaining - left, Math.max(1, Math.round((sizes.geolocation * z.popularity) / popTotal)));
    remaining -= n;
    const zip = zipString(z.prefix);
    for (let k = 0; k < n; k++) {
      const lat = z.lat + geoRng.normal(0, 0.02);
      const lng = z.lng + geoRng.normal(0, 0.02);
      if (geo.add([zip, lat, lng, z.city, z.state.code])) await geo.flush();
    }
  }

  const writers = {
    products,
    sellers,
    product_category_name_translation: translation,
    orders,
    order_items: items,
    order_payments: payments,
    order_reviews: reviews,
    customers,
    geolocation: geo,
  };
  await Promise.all(Object.values(writers).map((w) => w.close()));
  const counts = {} as RowCounts;
  for (const [t, w] of Object.entries(writers)) counts[t as TableName] = w.rows;
  return counts;
}
