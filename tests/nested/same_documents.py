#!/usr/bin/env python3
"""same_documents.py JSON_DIR YAML_DIR: every template.X.yaml of YAML_DIR and its subdirectories reads back (PyYAML, short-form tags
expanded, as tests/yaml/roundtrip.py reads them) as template.X.json at the same place in JSON_DIR, the TemplateURLs apart, which
name the .yaml files."""
import json
import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "yaml"))
from roundtrip import _construct  # noqa: E402


class FastCfnLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """roundtrip.py's loader on libyaml when PyYAML has it: 13 templates of 230 KB in seconds."""


FastCfnLoader.add_multi_constructor("!", _construct)


def with_json_urls(document):
    for resource in document.get("Resources", {}).values():
        url = resource.get("Properties", {}).get("TemplateURL")
        if resource.get("Type") == "AWS::CloudFormation::Stack" and isinstance(url, str) and url.endswith(".yaml"):
            resource["Properties"]["TemplateURL"] = url[: -len(".yaml")] + ".json"
    return document


def main():
    json_dir, yaml_dir = Path(sys.argv[1]), Path(sys.argv[2])
    yaml_files = sorted(p.relative_to(yaml_dir).with_suffix("") for p in yaml_dir.rglob("*.yaml"))
    json_files = sorted(p.relative_to(json_dir).with_suffix("") for p in json_dir.rglob("*.json"))
    if yaml_files != json_files or not json_files:
        sys.exit(f"FAIL: the YAML templates {[str(p) for p in yaml_files]} are not the JSON ones "
                 f"{[str(p) for p in json_files]}")
    for name in yaml_files:
        yaml_path, json_path = yaml_dir / f"{name}.yaml", json_dir / f"{name}.json"
        from_yaml = with_json_urls(yaml.load(yaml_path.read_text(encoding="utf-8"), Loader=FastCfnLoader))
        from_json = json.loads(json_path.read_text(encoding="utf-8"))
        if from_yaml != from_json:
            sys.exit(f"FAIL: {name}.yaml does not read back as {name}.json")
    print(f"{len(yaml_files)} YAML templates read back as their JSON twins")


if __name__ == "__main__":
    main()
