/** One of OpenCC's dictionaries as opencc-js ships it: "traditional simplified|…" in one string. */
declare module 'opencc-js/dict/TSCharacters' {
  const dictionary: string;
  export default dictionary;
}
