/**
 * Brazilian states as they appear in the Olist data: customer and seller shares (from the real data set),
 * CEP (zip) prefix ranges, an approximate centre and a few cities (lowercase, unaccented, as Olist writes
 * them). `remoteness` scales delivery times (north and north-east are slower from the SP-centred sellers).
 */
export interface State {
  code: string;
  customerShare: number;
  sellerShare: number;
  lat: number;
  lng: number;
  zip: readonly (readonly [number, number])[];
  cities: readonly string[];
  remoteness: number;
}

// prettier-ignore
export const STATES: readonly State[] = [
  { code: 'SP', customerShare: 41.98, sellerShare: 59.74, lat: -23.3, lng: -47.0, zip: [[1000, 19999]], remoteness: 0.0, cities: ['sao paulo', 'campinas', 'guarulhos', 'santo andre', 'sao bernardo do campo', 'osasco', 'santos', 'sorocaba', 'ribeirao preto', 'sao jose dos campos', 'jundiai', 'piracicaba', 'franca', 'bauru', 'mogi das cruzes', 'barueri', 'taboao da serra', 'limeira', 'sao jose do rio preto', 'americana'] },
  { code: 'RJ', customerShare: 12.92, sellerShare: 5.49, lat: -22.6, lng: -43.2, zip: [[20000, 28999]], remoteness: 0.25, cities: ['rio de janeiro', 'niteroi', 'nova iguacu', 'duque de caxias', 'sao goncalo', 'petropolis', 'campos dos goytacazes', 'volta redonda', 'macae', 'teresopolis'] },
  { code: 'MG', customerShare: 11.7, sellerShare: 7.9, lat: -19.4, lng: -44.5, zip: [[30000, 39999]], remoteness: 0.2, cities: ['belo horizonte', 'contagem', 'uberlandia', 'juiz de fora', 'betim', 'montes claros', 'uberaba', 'governador valadares', 'ipatinga', 'divinopolis', 'pocos de caldas', 'varginha'] },
  { code: 'RS', customerShare: 5.5, sellerShare: 4.2, lat: -29.8, lng: -51.9, zip: [[90000, 99999]], remoteness: 0.45, cities: ['porto alegre', 'caxias do sul', 'canoas', 'pelotas', 'santa maria', 'novo hamburgo', 'passo fundo', 'gravatai'] },
  { code: 'PR', customerShare: 5.07, sellerShare: 11.3, lat: -24.9, lng: -51.2, zip: [[80000, 87999]], remoteness: 0.25, cities: ['curitiba', 'londrina', 'maringa', 'ponta grossa', 'cascavel', 'sao jose dos pinhais', 'foz do iguacu', 'colombo'] },
  { code: 'SC', customerShare: 3.66, sellerShare: 6.1, lat: -27.3, lng: -49.6, zip: [[88000, 89999]], remoteness: 0.35, cities: ['florianopolis', 'joinville', 'blumenau', 'sao jose', 'itajai', 'criciuma', 'chapeco', 'balneario camboriu'] },
  { code: 'BA', customerShare: 3.4, sellerShare: 0.6, lat: -12.6, lng: -39.5, zip: [[40000, 48999]], remoteness: 0.75, cities: ['salvador', 'feira de santana', 'vitoria da conquista', 'camacari', 'itabuna', 'lauro de freitas', 'ilheus'] },
  { code: 'DF', customerShare: 2.15, sellerShare: 1.0, lat: -15.8, lng: -47.9, zip: [[70000, 72799], [73000, 73699]], remoteness: 0.45, cities: ['brasilia', 'taguatinga', 'ceilandia', 'aguas claras', 'gama'] },
  { code: 'ES', customerShare: 2.04, sellerShare: 0.7, lat: -19.9, lng: -40.6, zip: [[29000, 29999]], remoteness: 0.5, cities: ['vitoria', 'vila velha', 'serra', 'cariacica', 'cachoeiro de itapemirim', 'linhares', 'guarapari'] },
  { code: 'GO', customerShare: 2.03, sellerShare: 1.3, lat: -16.3, lng: -49.6, zip: [[72800, 72999], [73700, 76799]], remoteness: 0.45, cities: ['goiania', 'aparecida de goiania', 'anapolis', 'rio verde', 'luziania', 'itumbiara'] },
  { code: 'PE', customerShare: 1.66, sellerShare: 0.3, lat: -8.3, lng: -35.9, zip: [[50000, 56999]], remoteness: 0.85, cities: ['recife', 'jaboatao dos guararapes', 'olinda', 'caruaru', 'petrolina', 'paulista'] },
  { code: 'CE', customerShare: 1.34, sellerShare: 0.4, lat: -4.4, lng: -39.0, zip: [[60000, 63999]], remoteness: 0.95, cities: ['fortaleza', 'caucaia', 'juazeiro do norte', 'maracanau', 'sobral', 'crato'] },
  { code: 'PA', customerShare: 0.98, sellerShare: 0.05, lat: -2.5, lng: -48.6, zip: [[66000, 68899]], remoteness: 1.1, cities: ['belem', 'ananindeua', 'santarem', 'maraba', 'castanhal', 'parauapebas'] },
  { code: 'MT', customerShare: 0.91, sellerShare: 0.15, lat: -15.1, lng: -55.5, zip: [[78000, 78899]], remoteness: 0.75, cities: ['cuiaba', 'varzea grande', 'rondonopolis', 'sinop', 'tangara da serra'] },
  { code: 'MA', customerShare: 0.75, sellerShare: 0.03, lat: -3.5, lng: -44.8, zip: [[65000, 65999]], remoteness: 1.15, cities: ['sao luis', 'imperatriz', 'timon', 'caxias', 'codo'] },
  { code: 'MS', customerShare: 0.72, sellerShare: 0.1, lat: -20.6, lng: -54.8, zip: [[79000, 79999]], remoteness: 0.6, cities: ['campo grande', 'dourados', 'tres lagoas', 'corumba', 'ponta pora'] },
  { code: 'PB', customerShare: 0.54, sellerShare: 0.2, lat: -7.2, lng: -35.9, zip: [[58000, 58999]], remoteness: 0.95, cities: ['joao pessoa', 'campina grande', 'santa rita', 'patos', 'bayeux'] },
  { code: 'PI', customerShare: 0.5, sellerShare: 0.03, lat: -5.6, lng: -42.4, zip: [[64000, 64999]], remoteness: 1.0, cities: ['teresina', 'parnaiba', 'picos', 'floriano'] },
  { code: 'RN', customerShare: 0.49, sellerShare: 0.2, lat: -5.8, lng: -35.8, zip: [[59000, 59999]], remoteness: 0.95, cities: ['natal', 'mossoro', 'parnamirim', 'caico'] },
  { code: 'AL', customerShare: 0.42, sellerShare: 0.03, lat: -9.6, lng: -36.2, zip: [[57000, 57999]], remoteness: 1.1, cities: ['maceio', 'arapiraca', 'palmeira dos indios', 'rio largo'] },
  { code: 'SE', customerShare: 0.35, sellerShare: 0.05, lat: -10.7, lng: -37.2, zip: [[49000, 49999]], remoteness: 1.0, cities: ['aracaju', 'nossa senhora do socorro', 'lagarto', 'itabaiana'] },
  { code: 'TO', customerShare: 0.28, sellerShare: 0.03, lat: -10.2, lng: -48.3, zip: [[77000, 77999]], remoteness: 0.9, cities: ['palmas', 'araguaina', 'gurupi', 'porto nacional'] },
  { code: 'RO', customerShare: 0.25, sellerShare: 0.05, lat: -9.9, lng: -63.0, zip: [[76800, 76999]], remoteness: 1.1, cities: ['porto velho', 'ji-parana', 'ariquemes', 'vilhena', 'cacoal'] },
  { code: 'AM', customerShare: 0.15, sellerShare: 0.03, lat: -3.2, lng: -60.0, zip: [[69000, 69299], [69400, 69899]], remoteness: 1.3, cities: ['manaus', 'parintins', 'itacoatiara', 'manacapuru'] },
  { code: 'AC', customerShare: 0.08, sellerShare: 0.03, lat: -9.9, lng: -67.8, zip: [[69900, 69999]], remoteness: 1.3, cities: ['rio branco', 'cruzeiro do sul', 'sena madureira'] },
  { code: 'AP', customerShare: 0.07, sellerShare: 0.01, lat: 0.03, lng: -51.1, zip: [[68900, 68999]], remoteness: 1.3, cities: ['macapa', 'santana', 'laranjal do jari'] },
  { code: 'RR', customerShare: 0.05, sellerShare: 0.01, lat: 2.8, lng: -60.7, zip: [[69300, 69399]], remoteness: 1.35, cities: ['boa vista', 'rorainopolis', 'caracarai'] },
];

/** Five-digit, zero-padded CEP prefix as written in the Kaggle files (e.g. 01037). */
export function zipString(prefix: number): string {
  return String(prefix).padStart(5, '0');
}
