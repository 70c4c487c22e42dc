# Sourced by the benchmarks: writes a Hugo site folder over the generated
# content of benchmarks/generate_corpus.py (six languages, the taxonomies,
# Arabic right-to-left), with the layouts in benchmarks/hugo-layouts.
#   write_hugo_site CONTENT_DIR HUGO_DIR
write_hugo_site() {
  local content=$1 dir=$2
  mkdir -p "$dir"
  cp -r benchmarks/hugo-layouts "$dir/layouts"
  {
    echo 'baseURL = "https://example.org/"'
    echo 'defaultContentLanguage = "en"'
    echo 'defaultContentLanguageInSubdir = true'
    echo '[taxonomies]'
    echo 'tag = "tags"'; echo 'region = "region"'; echo 'country = "country"'
    echo '[languages]'
    for l in ar en es fr ru zh; do
      echo "[languages.$l]"; echo "contentDir = \"$content/$l\""
      [ $l = ar ] && echo 'languageDirection = "rtl"'
    done
  } > "$dir/config.toml"
}
