/** True when build/ is complete and newer than every file in src/. */
export function freshBuild(): boolean;
