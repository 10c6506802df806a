/**
 * Product categories as in the Olist data: Portuguese name, English translation (the translation file
 * has 71 rows, with the real file's own misspellings such as costruction_tools_garden and
 * fashio_female_clothing; two categories used by products have no
 * translation), relative share of items, median price (BRL), median weight (g) and a small effect on
 * satisfaction (logit units; e.g. office furniture reviews are notably worse, books better).
 */
export interface Category {
  name: string;
  english: string | null;
  share: number;
  priceMedian: number;
  weightMedian: number;
  effect: number;
}

type Row = [string, string | null, number, number, number, number];

const ROWS: Row[] = [
  ['cama_mesa_banho', 'bed_bath_table', 11115, 80, 1500, -0.15],
  ['beleza_saude', 'health_beauty', 9670, 80, 500, 0.05],
  ['esporte_lazer', 'sports_leisure', 8641, 75, 900, 0.05],
  ['moveis_decoracao', 'furniture_decor', 8334, 65, 2200, -0.1],
  ['informatica_acessorios', 'computers_accessories', 7827, 70, 600, -0.05],
  ['utilidades_domesticas', 'housewares', 6964, 60, 1300, 0.05],
  ['relogios_presentes', 'watches_gifts', 5991, 160, 350, 0.0],
  ['telefonia', 'telephony', 4545, 30, 250, -0.05],
  ['ferramentas_jardim', 'garden_tools', 4347, 60, 1700, 0.0],
  ['automotivo', 'auto', 4235, 70, 1100, 0.0],
  ['brinquedos', 'toys', 4117, 60, 900, 0.1],
  ['cool_stuff', 'cool_stuff', 3796, 120, 1800, 0.05],
  ['perfumaria', 'perfumery', 3419, 80, 400, 0.1],
  ['bebes', 'baby', 3065, 80, 1500, 0.0],
  ['eletronicos', 'electronics', 2767, 35, 350, 0.0],
  ['papelaria', 'stationery', 2517, 50, 600, 0.15],
  ['fashion_bolsas_e_acessorios', 'fashion_bags_accessories', 2031, 40, 400, 0.05],
  ['pet_shop', 'pet_shop', 1947, 60, 1200, 0.1],
  ['moveis_escritorio', 'office_furniture', 1691, 180, 9000, -0.5],
  ['consoles_games', 'consoles_games', 1137, 60, 400, -0.05],
  ['malas_acessorios', 'luggage_accessories', 1092, 140, 3500, 0.1],
  ['construcao_ferramentas_construcao', 'construction_tools_construction', 929, 90, 2000, 0.05],
  ['eletrodomesticos', 'home_appliances', 771, 60, 1800, 0.05],
  ['instrumentos_musicais', 'musical_instruments', 680, 120, 1700, 0.05],
  ['eletroportateis', 'small_appliances', 679, 120, 2500, 0.05],
  ['casa_construcao', 'home_construction', 604, 70, 2000, 0.0],
  ['livros_interesse_geral', 'books_general_interest', 553, 40, 500, 0.45],
  ['alimentos', 'food', 510, 35, 700, 0.25],
  ['moveis_sala', 'furniture_living_room', 503, 150, 8000, -0.2],
  ['casa_conforto', 'home_confort', 434, 80, 2000, -0.25],
  ['bebidas', 'drinks', 379, 40, 1400, 0.1],
  ['audio', 'audio', 364, 60, 400, -0.2],
  ['market_place', 'market_place', 311, 70, 1500, -0.1],
  ['construcao_ferramentas_iluminacao', 'construction_tools_lights', 304, 80, 1000, 0.1],
  ['climatizacao', 'air_conditioning', 297, 90, 2500, 0.0],
  [
    'moveis_cozinha_area_de_servico_jantar_e_jardim',
    'kitchen_dining_laundry_garden_furniture',
    281,
    150,
    7000,
    -0.1,
  ],
  ['alimentos_bebidas', 'food_drink', 278, 30, 800, 0.2],
  ['industria_comercio_e_negocios', 'industry_commerce_and_business', 268, 100, 2500, 0.05],
  ['livros_tecnicos', 'books_technical', 267, 70, 700, 0.35],
  ['telefonia_fixa', 'fixed_telephony', 264, 60, 600, -0.3],
  ['fashion_calcados', 'fashion_shoes', 262, 80, 700, 0.0],
  ['eletrodomesticos_2', 'home_appliances_2', 238, 400, 8000, 0.0],
  ['construcao_ferramentas_jardim', 'costruction_tools_garden', 238, 70, 1500, 0.2],
  ['agro_industria_e_comercio', 'agro_industry_and_commerce', 212, 200, 5000, 0.05],
  ['artes', 'art', 209, 60, 1000, 0.0],
  ['pcs', 'computers', 203, 1100, 6000, 0.1],
  ['sinalizacao_e_seguranca', 'signaling_and_security', 199, 60, 1500, 0.05],
  ['construcao_ferramentas_seguranca', 'construction_tools_safety', 194, 100, 1500, 0.15],
  ['artigos_de_natal', 'christmas_supplies', 153, 50, 900, -0.05],
  ['fashion_roupa_masculina', 'fashion_male_clothing', 132, 70, 400, -0.35],
  ['fashion_underwear_e_moda_praia', 'fashion_underwear_beach', 131, 45, 300, 0.0],
  ['construcao_ferramentas_ferramentas', 'construction_tools_tools', 103, 80, 1500, 0.05],
  ['moveis_quarto', 'furniture_bedroom', 109, 120, 6000, -0.1],
  ['tablets_impressao_imagem', 'tablets_printing_image', 83, 70, 500, 0.0],
  ['portateis_casa_forno_e_cafe', 'small_appliances_home_oven_and_coffee', 76, 400, 4000, 0.1],
  ['cine_foto', 'cine_photo', 72, 60, 600, 0.05],
  ['dvds_blu_ray', 'dvds_blu_ray', 64, 60, 300, 0.1],
  ['livros_importados', 'books_imported', 60, 60, 600, 0.3],
  ['fashion_roupa_feminina', 'fashio_female_clothing', 48, 60, 350, 0.0],
  ['artigos_de_festas', 'party_supplies', 43, 50, 700, 0.0],
  ['fraldas_higiene', 'diapers_and_hygiene', 39, 50, 2000, -0.15],
  ['musica', 'music', 38, 100, 1000, 0.1],
  ['moveis_colchao_e_estofado', 'furniture_mattress_and_upholstery', 38, 100, 4000, 0.0],
  ['flores', 'flowers', 33, 35, 300, 0.1],
  ['fashion_esporte', 'fashion_sport', 30, 60, 400, -0.1],
  ['casa_conforto_2', 'home_comfort_2', 30, 30, 1200, -0.1],
  ['artes_e_artesanato', 'arts_and_craftmanship', 24, 60, 800, 0.2],
  ['la_cuisine', 'la_cuisine', 14, 150, 2500, 0.1],
  ['cds_dvds_musicais', 'cds_dvds_musicals', 14, 50, 300, 0.5],
  ['fashion_roupa_infanto_juvenil', 'fashion_childrens_clothes', 8, 70, 300, 0.1],
  ['seguros_e_servicos', 'security_and_services', 2, 280, 1000, 0.0],
  ['portateis_cozinha_e_preparadores_de_alimentos', null, 15, 150, 2500, 0.0],
  ['pc_gamer', null, 9, 200, 1000, 0.0],
];

export const CATEGORIES: readonly Category[] = ROWS.map(
  ([name, english, share, priceMedian, weightMedian, effect]) => ({
    name,
    english,
    share,
    priceMedian,
    weightMedian,
    effect,
  }),
);

/** Rows of product_category_name_translation.csv (categories that have a translation). */
export const TRANSLATIONS: readonly (readonly [string, string])[] = CATEGORIES.filter(
  (c) => c.english !== null,
).map((c) => [c.name, c.english!] as const);
