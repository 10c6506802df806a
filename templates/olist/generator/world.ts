/**
 * The static side of the marketplace: zip-code prefixes (with their cities), sellers and products.
 * Everything here is generated before the orders and kept in memory (tens of thousands of rows).
 */
import { CATEGORIES, type Category } from './catalog.js';
import { STATES, type State } from './geography.js';
import { Rng, Weighted } from './rng.js';

export interface ZipPrefix {
  prefix: number;
  state: State;
  city: string;
  lat: number;
  lng: number;
  /** Relative share of customers (and geolocation rows) at this prefix. */
  popularity: number;
}

export interface Seller {
  id: string;
  zip: ZipPrefix;
}

export interface Product {
  id: string;
  category: Category;
  /** The category is missing in the products file for about 1.85 % of products, as in the real data. */
  categoryMissing: boolean;
  dimsMissing: boolean;
  seller: Seller;
  price: number;
  weightG: number;
  lengthCm: number;
  heightCm: number;
  widthCm: number;
  nameLength: number;
  descriptionLength: number;
  photos: number;
  popularity: number;
}

export interface World {
  zips: ZipPrefix[];
  /** Customer zip sampler per state code. */
  customerZips: Map<string, Weighted<ZipPrefix>>;
  customerState: Weighted<State>;
  sellers: Seller[];
  products: Product[];
  productPicker: Weighted<Product>;
}

export interface WorldSizes {
  zipPrefixes: number;
  sellers: number;
  products: number;
}

function makeZips(rng: Rng, total: number): ZipPrefix[] {
  const shareSum = STATES.reduce((s, st) => s + st.customerShare, 0);
  const zips: ZipPrefix[] = [];
  const used = new Set<number>();
  for (const state of STATES) {
    const span = state.zip.reduce((s, [lo, hi]) => s + hi - lo + 1, 0);
    const wanted = Math.min(span, Math.max(3, Math.round((total * state.customerShare) / shareSum)));
    for (let k = 0, tries = 0; k < wanted && tries < wanted * 20; tries++) {
      let offset = rng.int(0, span - 1);
      let prefix = 0;
      for (const [lo, hi] of state.zip) {
        if (offset <= hi - lo) {
          prefix = lo + offset;
          break;
        }
        offset -= hi - lo + 1;
      }
      if (used.has(prefix)) continue;
      used.add(prefix);
      k++;
      // The first cities (capitals, big cities) get most prefixes and most customers.
      const cityIndex = Math.min(
        state.cities.length - 1,
        Math.floor(rng.exponential(state.cities.length / 4)),
      );
      zips.push({
        prefix,
        state,
        city: state.cities[cityIndex]!,
        lat: state.lat + rng.normal(0, 1.2),
        lng: state.lng + rng.normal(0, 1.2),
        popularity: rng.logNormal(1, 1.0) * (cityIndex === 0 ? 2 : 1),
      });
    }
  }
  zips.sort((a, b) => a.prefix - b.prefix);
  return zips;
}

function zipSampler(zips: readonly ZipPrefix[], stateCode: string): Weighted<ZipPrefix> {
  const list = zips.filter((z) => z.state.code === stateCode);
  return new Weighted(
    list,
    list.map((z) => z.popularity),
  );
}

export function buildWorld(seed: number, sizes: WorldSizes): World {
  const rng = new Rng(seed, 1);
  const zips = makeZips(rng, sizes.zipPrefixes);
  const customerZips = new Map(STATES.map((s) => [s.code, zipSampler(zips, s.code)] as const));
  const sellerState = new Weighted(
    STATES,
    STATES.map((s) => s.sellerShare),
  );
  const sellers: Seller[] = [];
  for (let i = 0; i < sizes.sellers; i++) {
    const state = sellerState.sample(rng);
    sellers.push({ id: rng.hex32(), zip: customerZips.get(state.code)!.sample(rng) });
  }
  // Seller size is very skewed: a few sellers carry hundreds of products, most carry a handful.
  const sellerPicker = new Weighted(
    sellers,
    sellers.map(() => rng.logNormal(1, 1.3)),
  );
  const categoryPicker = new Weighted(
    CATEGORIES,
    CATEGORIES.map((c) => c.share),
  );
  const products: Product[] = [];
  for (let i = 0; i < sizes.products; i++) {
    const category = categoryPicker.sample(rng);
    // Every seller has at least one product (every seller in the sellers file sold something).
    const seller = i < sellers.length ? sellers[i]! : sellerPicker.sample(rng);
    const weightG = Math.max(50, Math.round(rng.logNormal(category.weightMedian, 1.0) / 50) * 50);
    const side = Math.cbrt(weightG / 0.2);
    products.push({
      id: rng.hex32(),
      category,
      categoryMissing: rng.bool(0.0185),
      dimsMissing: false,
      seller,
      price: Math.max(0.85, Math.round(rng.logNormal(category.priceMedian * 1.05, 0.85) * 100) / 100),
      weightG,
      lengthCm: Math.min(105, Math.max(7, Math.round(side * rng.uniform(0.9, 1.6)))),
      heightCm: Math.min(105, Math.max(2, Math.round(side * rng.uniform(0.3, 1.0)))),
      widthCm: Math.min(118, Math.max(6, Math.round(side * rng.uniform(0.7, 1.3)))),
      nameLength: Math.min(76, Math.max(5, Math.round(rng.normal(48, 10)))),
      descriptionLength: Math.min(3992, Math.max(4, Math.round(rng.logNormal(600, 0.75)))),
      photos: Math.min(20, 1 + Math.floor(rng.exponential(1.2))),
      popularity: rng.logNormal(1, 1.4),
    });
  }
  // Two products in the real file have no weight or dimensions.
  const noDims = Math.round((2 * sizes.products) / 32951);
  for (let k = 0; k < noDims; k++) {
    const p = products[rng.int(0, products.length - 1)]!;
    if (!p.categoryMissing) p.dimsMissing = true;
  }
  const productPicker = new Weighted(
    products,
    products.map((p) => p.popularity),
  );
  const customerState = new Weighted(
    STATES,
    STATES.map((s) => s.customerShare),
  );
  return { zips, customerZips, customerState, sellers, products, productPicker };
}
