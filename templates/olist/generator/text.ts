/**
 * Review titles and comments in the style of the Olist reviews (Portuguese, informal). Like the real
 * data, comments may contain commas, double quotes and line breaks (CRLF), which exercises CSV quoting.
 */
import type { Rng } from './rng.js';

const POSITIVE = [
  'Produto muito bom, chegou antes do prazo.',
  'Recebi bem antes do prazo estipulado.',
  'Ótimo produto, recomendo.',
  'Tudo certo, produto de qualidade.',
  'Entrega rápida, produto conforme anunciado.',
  'Adorei, superou minhas expectativas!',
  'Vendedor confiável, produto ok, recomendo a loja',
  'Chegou tudo certinho, bem embalado.',
  'Excelente, voltarei a comprar.',
  'Muito bom, minha filha amou.',
];
const NEUTRAL = [
  'Produto bom, mas a embalagem veio amassada.',
  'Atendeu, porém achei a qualidade um pouco inferior ao esperado.',
  'O produto é ok, nada demais.',
  'Demorou um pouco, mas chegou.',
  'A cor é diferente da foto, mas serve.',
];
const NEGATIVE = [
  'Não recebi o produto até agora.',
  'Produto veio com defeito, quero a troca.',
  'Comprei dois e só chegou um.',
  'Péssimo, atrasou muito e ninguém responde.',
  'Veio errado, pedi um modelo e mandaram outro.',
  'Ainda aguardo a entrega, já passou o prazo.',
  'Não recomendo, produto de baixa qualidade',
  'Paguei frete caro e demorou mais de um mês.',
];
const EXTRAS = [
  ' Obrigado!',
  ' Nota 10',
  ' Recomendo, sim, para todos.',
  ' O entregador disse "não encontrei o endereço", mas eu estava em casa.',
  ' Vou comprar de novo, "nota mil".',
  '\r\nAtenciosamente',
  '\r\n\r\nAguardo retorno.',
];
const TITLES_GOOD = [
  'Recomendo',
  'Ótimo',
  'Excelente',
  'Muito bom',
  'Super recomendo',
  'Nota 10',
  'Gostei',
  'recomendo',
];
const TITLES_BAD = [
  'Péssimo',
  'Não recomendo',
  'Ruim',
  'Atraso',
  'Não recebi',
  'Produto errado',
  'Decepcionado',
];
const TITLES_MID = ['Bom', 'Razoável', 'Ok', 'Mais ou menos'];

function sentiment(score: number): 'good' | 'mid' | 'bad' {
  return score >= 4 ? 'good' : score === 3 ? 'mid' : 'bad';
}

export function reviewTitle(rng: Rng, score: number): string {
  const s = sentiment(score);
  return rng.pick(s === 'good' ? TITLES_GOOD : s === 'mid' ? TITLES_MID : TITLES_BAD);
}

export function reviewMessage(rng: Rng, score: number): string {
  const s = sentiment(score);
  let text = rng.pick(s === 'good' ? POSITIVE : s === 'mid' ? NEUTRAL : NEGATIVE);
  if (rng.bool(0.3)) text += rng.pick(EXTRAS);
  return text;
}
