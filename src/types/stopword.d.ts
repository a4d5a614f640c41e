// The stopword package ships no types; these are the lists this project reads.
declare module 'stopword' {
  export const fra: string[];
  export const deu: string[];
  export const ita: string[];
  export const eng: string[];
}
